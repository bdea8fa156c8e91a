import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  DOCUMENTS,
  layoutDocument,
  type DocumentKind,
  type PrintLayout,
} from '../../../addin/documents';
import { columnsWidth, printableWidth } from '../../../addin/documents/page';
import { checkWorkbook } from '../../../shared';
import { filledWorkbook, issueDate } from './fixture';

const w = filledWorkbook();

function layout(kind: DocumentKind, check = w.check): PrintLayout {
  const r = buildDocument(check, {
    kind,
    issuedOn: issueDate(check, kind, w.meetingId, w.g.today),
    meetingId: w.meetingId,
    appealId: w.g.appeals[44]?.id,
    from: '2025-01-01',
    to: w.g.today,
  });
  if (r.status !== 'ready') throw new Error(`${kind} not ready`);
  return layoutDocument(r.document);
}

const all = (Object.keys(DOCUMENTS) as DocumentKind[]).map((k) => [k, layout(k)] as const);

describe('laying documents out on A4', () => {
  it.each(all)('%s fits the width of an A4 page in its orientation', (_kind, l) => {
    const orientation = l.page.orientation === 'Portrait' ? 'portrait' : 'landscape';
    expect(columnsWidth(l.content.widths)).toBeLessThanOrEqual(printableWidth(orientation));
    expect(columnsWidth(l.content.widths)).toBeGreaterThan(printableWidth(orientation) * 0.8);
    expect(l.page.paperSize).toBe('A4');
    expect(l.rowHeights).toHaveLength(l.content.blocks[0]?.rows.length ?? -1);
  });

  it('merges each title across the page, and prints the wide minutes in landscape', () => {
    const notice = layout('meetingNotice');
    expect(notice.merges).toContain('A1:F1');
    expect(notice.styles.find((s) => s.address === 'A1:F1')).toMatchObject({ bold: true, align: 'Center' });
    expect(notice.page.printArea).toBe(`A1:F${notice.rowHeights.length}`);
    expect(layout('minutes').page.orientation).toBe('Landscape');
    expect(notice.page.orientation).toBe('Portrait');
  });

  it('repeats a table’s header row on every page and rules the table', () => {
    const minutes = layout('minutes');
    const header = minutes.content.blocks[0]?.rows.findIndex((r) => r[0] === '序号') ?? -1;
    expect(minutes.page.titleRows).toBe(`$${header + 1}:$${header + 1}`);
    expect(minutes.styles.some((s) => s.borders && s.address.startsWith(`A${header + 1}:`))).toBe(true);
    expect(layout('establishment').page.titleRows).toBeUndefined();
  });

  it('merges a sign-in group down its rows and keeps room for handwriting', () => {
    const bare = layout('signInSheet', checkWorkbook(w.g.input, { today: w.g.today }));
    const rows = bare.content.blocks[0]?.rows ?? [];
    // The participant list: every department the topics need, each named with its head.
    const first = rows.findIndex((r) => r[0] === '行政部门');
    let size = 1;
    while (rows[first + size]?.[0] === '') size++;
    expect(size).toBeGreaterThan(1);
    expect(rows[first + 1]?.[1]).toMatch(/^\S+部\u3000\S+$|^行政办公室\u3000\S+$/);
    expect(bare.merges).toContain(`A${first + 1}:A${first + size}`);
    const form = layout('appealForm');
    const content = (form.content.blocks[0]?.rows ?? []).findIndex((r) => r[0] === '诉求内容');
    expect(form.rowHeights[content]).toBeGreaterThan((form.rowHeights[content - 1] ?? 0) * 3);
  });

  it('gives a long paragraph the height its wrapped lines need', () => {
    const l = layout('implementation');
    const rows = l.content.blocks[0]?.rows ?? [];
    const long = rows.findIndex((r) => String(r[0]).includes('做好畅通职工群众诉求渠道工作有利于维护'));
    const short = rows.findIndex((r) => r[0] === '　　一、目的意义');
    // 12-point CJK characters are 12 points wide: at least this many lines across the printed width.
    const lines = Math.ceil(([...String(rows[long]?.[0])].length * 12) / columnsWidth(l.content.widths));
    expect(lines).toBeGreaterThan(2);
    expect(l.rowHeights[long]).toBeGreaterThanOrEqual(lines * 12 * 1.2);
    expect(l.rowHeights[short]).toBeLessThan(12 * 1.2 * 2);
  });
});
