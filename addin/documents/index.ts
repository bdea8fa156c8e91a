// The printable documents and the management copy's content: pure, built from the core's reading
// of the workbook; the Excel layer (print.ts, managementCopy.ts) writes them.

/** Building a document from the workbook and the clerk's answers; the list of documents. */
export { buildDocument, buildPoster, DOCUMENTS } from './catalog';
/** What a document is about. */
export type { DocumentSubject } from './catalog';
/** The document model: kinds, blocks, questions, answers, requests and results. */
export type {
  Answers,
  DocBlock,
  DocCell,
  DocumentKind,
  DocumentRequest,
  DocumentResult,
  PrintDocument,
  PrintKind,
  Question,
} from './model';
/** Laying a document out on an A4 sheet, as data. */
export { layoutDocument } from './render';
/** Layout types. */
export type { PageSetup, PrintLayout, QrPlacement, RangeStyle } from './render';
/** Gathers a meeting's facts (numbering, agenda, departments, representatives) from the registers. */
export { meetingFacts } from './meeting';
/** What the meeting documents say about a meeting. */
export type { MeetingFacts } from './meeting';
/** Appellant identities and the scrubber that takes them out of free text. */
export { appellantIdentities, identityScrubber } from './identities';
/** Identity type. */
export type { AppellantIdentities } from './identities';
/** The management copy's sheets, without appellant identity. */
export { buildManagementCopy } from './managementSheets';
/** Management copy types. */
export type { CopySheet, ManagementCopy } from './managementSheets';
/** Chinese dates as documents print them. */
export { chineseDate } from './words';
