import { CHANNELS_NOT_LISTED, CONFIDENTIALITY_PROMISE, type WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import { IMPLEMENTATION_INTRO, IMPLEMENTATION_ROUTES, IMPLEMENTATION_SECTIONS } from './handbook';
import type { DocBlock, PrintDocument } from './model';
import { unitName } from './source';
import { chineseDate, listOf, sheetNameFor } from './words';

const NOT_LISTED = new Set<string>(CHANNELS_NOT_LISTED);

/**
 * 实施意见, the internal notice of step 2: the handbook's text with the channels in force on
 * 值列表 and the union office's address from 设置.
 */
export function implementationNotice(check: WorkbookCheck, issuedOn: string, ask: Asker): PrintDocument {
  const unit = unitName(check, ask);
  const office = ask.text(check.settings.unionOffice, {
    field: 'unionOffice',
    zh: '工会办公室地址（职工可当面反映诉求的地点）',
    en: 'Address of the union office (where employees can raise appeals in person)',
    setting: 'unionOffice',
  });
  const channels = check.lists.channel.filter((c) => !NOT_LISTED.has(c));
  const title = `${unit}${issuedOn.slice(0, 4)}年工会与行政沟通协商机制实施意见`;
  const paragraph = (text: string, bold = false): DocBlock => ({
    type: 'paragraph',
    indent: true,
    text,
    bold,
  });
  const blocks: DocBlock[] = [
    { type: 'title', text: unit },
    { type: 'title', text: `${issuedOn.slice(0, 4)}年工会与行政沟通协商机制实施意见` },
    { type: 'gap' },
    paragraph(IMPLEMENTATION_INTRO),
    ...IMPLEMENTATION_SECTIONS.flatMap((s) => [
      paragraph(s.heading, true),
      ...s.items.map((i) => paragraph(i)),
    ]),
    paragraph('四、职工诉求表达及解决方式', true),
    paragraph(
      `1、可通过${listOf(channels)}等方式合理反映合理诉求和意见建议；可到工会办公室当面反映合理诉求和问题，工会办公室地址：${office}；${CONFIDENTIALITY_PROMISE}。`,
    ),
    paragraph(IMPLEMENTATION_ROUTES),
    { type: 'gap' },
    { type: 'signature', lines: [unit, chineseDate(issuedOn)] },
  ];
  return {
    kind: 'implementation',
    sheet: sheetNameFor('实施意见'),
    title,
    orientation: 'portrait',
    columns: [10, 10, 10, 10, 10, 10],
    blocks,
  };
}
