import type { TopicRecord, WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import type { DocCell, PrintDocument } from './model';
import { unitName } from './source';
import { chineseDate, distinct, sheetNameFor } from './words';

/** The handbook's note under the 征集协商议题记录本. */
export const TOPIC_BOOK_NOTE =
  '注：此表用于在分厂、车间、班组征集协商议题，由分厂（车间、班组）工会负责人统一整理后上交企业工会。';

/** The book's columns as the handbook's form has them: 序号, 姓名, 内容, 时间, 提出人签字. */
export const TOPIC_BOOK_HEADERS = ['序号', '姓名', '内容', '时间', '提出人签字'] as const;

/** A printed book has room for at least this many topics, so a workshop can write new ones in by hand. */
export const TOPIC_BOOK_MIN_ROWS = 10;

/** The topics recorded on 征集协商议题记录本. */
export const topicsOf = (check: WorkbookCheck): TopicRecord[] =>
  (check.read.topics?.rows ?? []).map((r) => r.values as TopicRecord);

/** The 分厂（车间、班组） named on 征集协商议题记录本, in first-seen order. */
export const workshopsOf = (check: WorkbookCheck): string[] =>
  distinct(topicsOf(check).map((t) => t.workshop));

/** One workshop's topics in 序号 order. */
export const workshopTopics = (check: WorkbookCheck, workshop: string): TopicRecord[] =>
  topicsOf(check)
    .filter((t) => t.workshop === workshop)
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));

/**
 * 分厂（车间、班组）征集协商议题记录本 for one workshop (step 3), as the handbook's form: the
 * title line with the unit and workshop, the date, 序号/姓名/内容/时间 of its topics, an empty
 * 提出人签字 column for each proposer to sign on paper, blank lines to write new topics in, and the
 * handbook's note. The book stays in the workshop and comes back to the union, so it names the
 * proposers as the paper book does.
 */
export function topicBook(
  check: WorkbookCheck,
  workshop: string,
  issuedOn: string,
  ask: Asker,
): PrintDocument {
  const unit = unitName(check, ask);
  const topics = workshopTopics(check, workshop);
  const head = (text: string): DocCell => ({ text, bold: true, align: 'center' });
  const rows: DocCell[][] = [TOPIC_BOOK_HEADERS.map(head)];
  for (const t of topics)
    rows.push([
      { text: String(t.seq ?? ''), align: 'center' },
      { text: t.name ?? '', align: 'center' },
      { text: t.content ?? '' },
      { text: chineseDate(t.raisedOn), align: 'center' },
      // Signed by hand on the printed page: the register's typed 提出人签字 is never printed for them.
      { text: '', minLines: 2 },
    ]);
  while (rows.length - 1 < TOPIC_BOOK_MIN_ROWS)
    rows.push([{ text: '' }, { text: '' }, { text: '' }, { text: '' }, { text: '', minLines: 2 }]);
  const title = `${workshop}征集协商议题记录本`;
  return {
    kind: 'topicBook',
    sheet: sheetNameFor('议题记录本', workshop),
    title,
    orientation: 'portrait',
    columns: [6, 10, 40, 14, 12],
    blocks: [
      { type: 'title', text: `${unit}\u3000${title}`, size: 16 },
      { type: 'paragraph', align: 'right', text: chineseDate(issuedOn) },
      { type: 'table', rows, headerRows: 1 },
      { type: 'paragraph', text: TOPIC_BOOK_NOTE },
    ],
  };
}
