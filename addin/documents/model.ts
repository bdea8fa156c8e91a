import type { Bilingual, UnitSettings } from '../../shared';

/** The printable documents of the handbook (steps 1, 2, 3, 4, 5, 6 and 7). */
export type DocumentKind =
  | 'establishment'
  | 'implementation'
  | 'meetingNotice'
  | 'signInSheet'
  | 'moderatorScript'
  | 'minutes'
  | 'circular'
  | 'appealForm'
  | 'trackingForm'
  | 'surveyForm'
  | 'topicBook'
  | 'classification'
  | 'publication';

/** What a printed sheet is: one of the handbook's documents, or the QR poster 扫码反映诉求. */
export type PrintKind = DocumentKind | 'intakePoster';

/** Horizontal placement of a line or cell. */
export type Align = 'left' | 'center' | 'right';

/** A cell of a document table. */
export interface DocCell {
  readonly text: string;
  /** Columns the cell covers (1 when absent; the last cell of a row takes what is left). */
  readonly span?: number;
  /** Rows the cell covers downwards (1 when absent). */
  readonly rowSpan?: number;
  readonly bold?: boolean;
  readonly align?: Align;
  /** Lines of room the row keeps at least, for handwriting and signatures. */
  readonly minLines?: number;
}

/** One block of a document, top to bottom. */
export type DocBlock =
  | { readonly type: 'title'; readonly text: string; readonly size?: number }
  | {
      readonly type: 'paragraph';
      readonly text: string;
      readonly align?: Align;
      /** Two-character first-line indent, as Chinese body text is set. */
      readonly indent?: boolean;
      readonly bold?: boolean;
    }
  | {
      readonly type: 'table';
      readonly rows: readonly (readonly DocCell[])[];
      /** Leading rows repeated at the top of every printed page. */
      readonly headerRows?: number;
      /** Ruled cells (the default); false lays out a line in columns without rules. */
      readonly borders?: boolean;
    }
  | { readonly type: 'signature'; readonly lines: readonly string[] }
  | {
      /** A QR code of a phone link: an image where Excel can place one, else `fallback` in its cell. */
      readonly type: 'qr';
      readonly link: string;
      /** The line under the code (扫码反映诉求, the sign-in's day). */
      readonly caption: string;
      /** What the cell says where this Excel cannot place pictures (ExcelApi below 1.9). */
      readonly fallback: string;
      /** The code's printed side in points. */
      readonly size: number;
      /** Whether the link is printed in text under the code (a poster: for typing it in). */
      readonly showLink?: boolean;
    }
  | { readonly type: 'gap' };

/** A printable document as data: what it says, on which column grid, on which sheet. */
export interface PrintDocument {
  readonly kind: PrintKind;
  /** The sheet it is printed on (a valid Excel sheet name). */
  readonly sheet: string;
  readonly title: string;
  readonly orientation: 'portrait' | 'landscape';
  /** Column widths in characters; paragraphs and titles span them all. */
  readonly columns: readonly number[];
  readonly blocks: readonly DocBlock[];
}

/** Something a document needs that the workbook does not say, for the pane to ask. */
export interface Question {
  /** The key its answer is given under. */
  readonly field: string;
  readonly zh: string;
  readonly en: string;
  /** Dates are answered as 2025-03-05 (or 2025/3/5, 2025年3月5日); names separated by 、. */
  readonly kind: 'text' | 'date' | 'names';
  /** Where the answer would be kept for good: a 设置 item by its key, or the 部门负责人 table. */
  readonly setting?: keyof UnitSettings | 'departmentHeads';
  /** Why an answer already given was not accepted. */
  readonly problem?: Bilingual;
}

/** Answers to questions, by field. */
export type Answers = Readonly<Record<string, string>>;

/** What is asked for: a document, the day it is issued, and which meeting or appeal it is about. */
export interface DocumentRequest {
  readonly kind: DocumentKind;
  /** The date printed on the document (YYYY-MM-DD); the pane passes today unless the clerk changes it. */
  readonly issuedOn: string;
  readonly meetingId?: string;
  readonly appealId?: string;
  /** For the topic book: the 分厂（车间、班组） whose book it is. */
  readonly workshop?: string;
  /**
   * For the appeal form: the union's own copy, showing the appellant's name and phone. Without it
   * the form is the copy for the administration and the departments, with the appellant hidden.
   */
  readonly showAppellant?: boolean;
  /** For a document about a period (分类表 by period, 办理结果公示): its first and last day, YYYY-MM-DD. */
  readonly from?: string;
  readonly to?: string;
  /**
   * The phone link the document's QR code carries: the unit's appeal form on the 实施意见 and the
   * poster, the meeting's sign-in on its notice and sign-in sheet. Absent, those documents carry no
   * code (the poster is then refused): the pane gives it only with a cloud connection and an intake key.
   */
  readonly qrLink?: string;
}

/** The outcome of building a document: the document, the questions to ask first, or why it cannot be made. */
export type DocumentResult =
  | { readonly status: 'ready'; readonly document: PrintDocument }
  | { readonly status: 'questions'; readonly questions: readonly Question[] }
  | { readonly status: 'blocked'; readonly reason: Bilingual };
