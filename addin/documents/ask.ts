import { CellIssue, readDate } from '../../shared';
import type { Answers, DocumentResult, PrintDocument, Question } from './model';

/** What to ask when a value is missing (the field and the prompt in both languages). */
export type QuestionSpec = Omit<Question, 'problem' | 'kind'>;

/** Splits a list of names as clerks type it: 、，, ; or spaces. */
export const splitNames = (text: string): string[] =>
  text
    .split(/[、，,;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Collects what a document needs: each value comes from the workbook, else from an answer, else
 * it becomes a question. A document with open questions is never returned, so a missing value
 * can never reach a printed page.
 */
export class Asker {
  private readonly open: Question[] = [];

  constructor(private readonly answers: Answers) {}

  /** The workbook's value, else the answer, else '' with the question recorded. */
  text(known: string | undefined, q: QuestionSpec): string {
    if (known?.trim()) return known.trim();
    const answer = this.answers[q.field]?.trim();
    if (answer) return answer;
    this.open.push({ ...q, kind: 'text' });
    return '';
  }

  /** A YYYY-MM-DD date from the workbook or a date answer in any form a clerk types. */
  date(known: string | undefined, q: QuestionSpec): string {
    if (known) return known;
    const answer = this.answers[q.field]?.trim();
    if (answer) {
      const read = readDate(answer);
      if (typeof read === 'string') return read;
      const problem = read instanceof CellIssue ? read.message : { zh: '应填写日期', en: 'expected a date' };
      this.open.push({ ...q, kind: 'date', problem });
      return '';
    }
    this.open.push({ ...q, kind: 'date' });
    return '';
  }

  /** Names from the workbook, else from an answer listing them, else a question. */
  names(known: readonly string[], q: QuestionSpec): string[] {
    if (known.length) return [...known];
    const answer = splitNames(this.answers[q.field] ?? '');
    if (answer.length) return answer;
    this.open.push({ ...q, kind: 'names' });
    return [];
  }

  /** The questions still open. */
  get questions(): readonly Question[] {
    return this.open;
  }

  /** The document when nothing is missing, else the questions (each field once). */
  result(document: PrintDocument): DocumentResult {
    if (this.open.length === 0) return { status: 'ready', document };
    const seen = new Set<string>();
    const questions = this.open.filter((q) => !seen.has(q.field) && seen.add(q.field));
    return { status: 'questions', questions };
  }
}
