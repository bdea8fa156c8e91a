/**
 * What the task pane can ask of the workbook. Components receive an implementation through
 * context and never touch Excel themselves: addin/excel/operations.ts implements it over Excel.run
 * (or the simulator's run, in tests and the preview). Types only.
 */
import type { Answers, DocumentKind, DocumentRequest, Question } from '../documents/model';
import type { BuildReport } from '../excel/build';
import type { ExcelCheckReport } from '../excel/check';
import type { AppendResult, FieldChange, FormRecord } from '../excel/records';
import type { SelectedRecord } from '../excel/selection';
import type { SetupReport } from '../excel/setup';
import type { TopicAppealReport, TopicAt } from '../excel/topicAppeals';
import type { TopicBookImport } from '../excel/topicBookImport';
import type { CloudOperations } from '../cloud/operations';
import type { IntakeKeyring } from '../intake/envelope';
import type { Bilingual, InputRegisterKey, IntakePublicJwk, ValueListKey, WorkbookCheck } from '../../shared';

export type {
  AppendResult,
  BuildReport,
  ExcelCheckReport,
  FieldChange,
  FormRecord,
  SelectedRecord,
  SetupReport,
  TopicAppealReport,
  TopicAt,
  TopicBookImport,
};

/** Reports progress of long work: done of total steps, with a Chinese label. */
export type ProgressReport = (done: number, total: number, label: string) => void;

/** The workbook as the pane reads it: the core's reading, and the sheets it has. */
export interface PaneWorkbook {
  readonly check: WorkbookCheck;
  readonly sheets: readonly string[];
}

/** The settings sheets as the settings editor shows them. */
export interface SettingsData {
  /** 设置项 → 值, for the items on the 设置 sheet. */
  readonly items: Readonly<Record<string, string>>;
  /** Each extensible list as its column on 值列表 holds it. */
  readonly valueLists: Readonly<Partial<Record<ValueListKey, readonly string[]>>>;
  readonly categoryDepartments: readonly FormRecord[];
  /** The 部门负责人 table: department, head, position, phone. */
  readonly departmentHeads: readonly FormRecord[];
  readonly calendarDays: readonly FormRecord[];
}

/** Records to append to one register. */
export interface AppendBatch {
  readonly register: InputRegisterKey;
  readonly records: readonly FormRecord[];
}

/** What generating a printable document did: the sheet made, questions to answer first, or why not. */
export type DocumentOutcome =
  | {
      readonly status: 'printed';
      readonly sheet: string;
      /** What this Excel could not do (page setup before ExcelApi 1.9) and which Excel can. */
      readonly missing?: readonly { readonly what: Bilingual; readonly where: Bilingual }[];
    }
  | { readonly status: 'questions'; readonly questions: readonly Question[] }
  | { readonly status: 'blocked'; readonly reason: Bilingual };

/** The printable documents, when the documents module is present. */
export interface DocumentOperations {
  readonly kinds: readonly DocumentKind[];
  generate(request: DocumentRequest, answers: Answers, progress: ProgressReport): Promise<DocumentOutcome>;
  /** The poster 扫码反映诉求 with the QR code of `link` (the unit's appeal form), on its own sheet. */
  poster?(
    request: { readonly issuedOn: string; readonly link: string },
    answers: Answers,
    progress: ProgressReport,
  ): Promise<DocumentOutcome>;
}

/** What making the management copy did. */
export interface ManagementCopyOutcome {
  readonly sheets: readonly string[];
  /** Whether Excel opened the copy as a new workbook (false: it was offered as a download). */
  readonly opened: boolean;
}

/** What exporting a topic book did: the name the file is offered under. */
export interface TopicBookExport {
  readonly fileName: string;
}

/** Everything the pane does to the workbook. */
export interface PaneOperations {
  setUpWorkbook(progress: ProgressReport): Promise<SetupReport>;
  readWorkbook(today: string): Promise<PaneWorkbook>;
  readSettings(): Promise<SettingsData>;
  /** Writes the 值 of the given 设置项 (labels), adding items the sheet lacks. */
  saveSettingItems(values: Readonly<Record<string, string>>): Promise<void>;
  saveValueLists(lists: Readonly<Partial<Record<ValueListKey, readonly string[]>>>): Promise<void>;
  saveCategoryDepartments(rows: readonly FormRecord[]): Promise<void>;
  /** Replaces the 部门负责人 table's rows. */
  saveDepartmentHeads(rows: readonly FormRecord[]): Promise<void>;
  saveCalendarDays(rows: readonly FormRecord[]): Promise<void>;
  /** Appends records to one or more registers in one request. */
  appendRecords(batches: readonly AppendBatch[]): Promise<AppendResult[]>;
  /** Writes only the changed cells of a register row still holding `expected`; returns how many were written. */
  updateRecord(
    register: InputRegisterKey,
    row: number,
    changes: Readonly<Record<string, FieldChange>>,
    expected?: FormRecord,
  ): Promise<number>;
  readSelection(): Promise<SelectedRecord | null>;
  /** Calls back when the selection moves; resolves to a function that stops watching. */
  watchSelection?(onChange: () => void): Promise<() => Promise<void>>;
  checkWorkbook(today: string, progress: ProgressReport): Promise<ExcelCheckReport>;
  selectCell(address: string): Promise<void>;
  /** The year's ledgers and summaries; `monthly` adds a work ledger per month begun. */
  buildLedgers(
    options: { year: number; asOf: string; monthly?: boolean },
    progress: ProgressReport,
  ): Promise<BuildReport>;
  readonly documents?: DocumentOperations;
  makeManagementCopy?(
    options: { year: number; asOf: string },
    progress: ProgressReport,
  ): Promise<ManagementCopyOutcome>;
  /** Turns chosen topics into appeals in one request, writing each new 编号 back to its topic row. */
  topicsToAppeals?(
    topics: readonly TopicAt[],
    category: string,
    receivedOn: string,
  ): Promise<TopicAppealReport>;
  /** A workshop's topic book as a standalone .xlsx, opened as a new workbook (or downloaded). */
  exportTopicBook?(workshop: string, issuedOn: string, progress: ProgressReport): Promise<TopicBookExport>;
  /** Checks a filled topic book and appends its new topics; conflicts and errors are reported, never written. */
  importTopicBook?(bytes: Uint8Array, fileName: string, today: string): Promise<TopicBookImport>;
  /** The cloud (sync, conflicts, reminders), when the pane is connected to one. */
  readonly cloud?: CloudOperations;
  /** The union's QR intake keys, kept wrapped in the workbook and unlocked only in memory. */
  readonly intake?: IntakeOperations;
}

/** The intake key the QR code fingerprints, how many keys the workbook holds, and whether they are unlocked. */
export interface IntakeKeyStatus {
  readonly kid: string;
  readonly publicJwk: IntakePublicJwk;
  readonly keys: number;
  readonly unlocked: boolean;
}

/** The union's intake keys: made, unlocked, re-protected and rotated; failures are IntakeErrors (bilingual). */
export interface IntakeOperations {
  /** The current key, or null before one is made. */
  status(): Promise<IntakeKeyStatus | null>;
  /** Makes the first key pair under a new passphrase (refused when the workbook has keys); leaves it unlocked. */
  create(passphrase: string): Promise<IntakeKeyStatus>;
  /** Unwraps every key into memory. */
  unlock(passphrase: string): Promise<IntakeKeyStatus>;
  /** Re-wraps every key under a new passphrase. */
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<IntakeKeyStatus>;
  /** Adds a new current key; old keys stay so old submissions stay readable. */
  rotate(passphrase: string): Promise<IntakeKeyStatus>;
  /** The unlocked keys by kid, or null while locked. */
  keyring(): IntakeKeyring | null;
  /** Forgets the unlocked keys. */
  lock(): void;
}
