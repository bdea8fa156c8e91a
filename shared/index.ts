// The domain core: pure TypeScript shared unchanged by the Excel add-in and the Azure Functions.
// Every export has a one-line description; test/shared/purity.test.ts keeps it that way.

/** Adds working days to a YYYY-MM-DD date; the start day does not count. */
export { addWorkingDays } from './calendar/calendar';
/** Whether a YYYY-MM-DD date is a working day. */
export { isWorkingDay } from './calendar/calendar';
/** Working days after one date up to and including another. */
export { workingDaysBetween } from './calendar/calendar';
/** Whether a year's statutory holiday schedule is loaded in a calendar. */
export { hasYearSchedule } from './calendar/calendar';
/** The years whose schedules a calendar has loaded. */
export { loadedYears } from './calendar/calendar';
/** Builds a working-day calendar from schedules and a unit's overrides. */
export { createCalendar } from './calendar/calendar';
/** The calendar with the built-in 2025–2026 schedules. */
export { defaultCalendar } from './calendar/calendar';
/** A working-day deadline with the missing-schedule warning when it applies. */
export { workingDeadline } from './calendar/calendar';
/** The warning shown beside a deadline computed on weekends alone. */
export { missingScheduleWarning } from './calendar/calendar';
/** Types of the working-day calendar. */
export type { CalendarOptions, WorkingCalendar, WorkingDeadline } from './calendar/calendar';
/** Built-in statutory schedules and the checker for a new year's schedule supplied as data. */
export { BUILT_IN_SCHEDULES, SCHEDULE_2025, SCHEDULE_2026, checkYearSchedule } from './calendar/schedules';
/** A year's statutory schedule as data. */
export type { YearSchedule, ScheduleProblem } from './calendar/schedules';
/** Day-number arithmetic and Excel date serial conversion. */
export { dayFromIso, isoFromDay, excelSerialFromDay, dayFromExcelSerial, isRealDate } from './calendar/dates';
/** The date in China of an instant: the day a clerk there saw it. */
export { chinaDay, chinaTime } from './calendar/dates';
/** A date as Chinese text prints it: 2026年3月30日. */
export { chineseDate } from './calendar/dates';

/** The schema version, every register as data, and record types inferred from them. */
export * from './schema/registers';
/** Field and register definition types. */
export type {
  FieldDef,
  FieldType,
  RegisterDef,
  RegisterKind,
  RegisterRecord,
  Condition,
} from './schema/types';
/** The value lists with the handbook's defaults and their fixed words. */
export {
  VALUE_LISTS,
  VALUE_LIST_KEYS,
  DEFAULT_VALUE_LISTS,
  ANONYMOUS,
  DISSATISFIED,
  CANNOT_BE_DONE,
  TO_MEETING,
  TRACKING_DONE,
  TRACKING_IN_PROGRESS,
  RESPONDENT_APPELLANT,
  REPRESENTATIVES_GROUP,
  CHANNELS_NOT_LISTED,
  QR_CHANNEL,
  SURVEY_ONLINE,
  QR_SIGNATURE,
  ONLINE_INTAKE,
} from './schema/valueLists';
/** Value list types. */
export type { ValueListKey, ValueLists } from './schema/valueLists';
/** The unit's settings: items as data, parsing, value lists in force, participants and calendar. */
export {
  SETTING_ITEMS,
  settingLabel,
  DEFAULT_SETTINGS,
  DEFAULT_CATEGORY_DEPARTMENTS,
  parseSettings,
  judgeSetting,
  resolveValueLists,
  suggestDepartments,
  calendarFromSettings,
} from './schema/settings';
/** Settings types. */
export type { UnitSettings, SettingItem } from './schema/settings';

/** Reading raw cells into typed values, with bilingual problems. */
export { compileReader, readDate, readPhone, readNumber, CellIssue, CELL_TEXT_MAX } from './cells/read';
/** Reading types. */
export type { CellOutcome, CellReader, ReadContext } from './cells/read';
/** Reading a whole register from its header row and data rows. */
export { readRegister, recordTemplate } from './cells/rows';
/** Register reading types. */
export type { RawTable, ReadRow, ReadRegister } from './cells/rows';
/** Lining up a sheet's headers with a register (any order, extra columns kept). */
export { mapHeaders, headerMatchCount, headerKey } from './cells/headers';
/** Header mapping type. */
export type { HeaderMap } from './cells/headers';
/** Cell text helpers: blank, Excel error values, formula-like text. */
export { isBlank, isExcelError, isFormulaLike, interpretText } from './cells/normalize';
/** A problem with a cell, addressed by sheet, row and column. */
export { describeProblem } from './cells/problem';
/** Problem types. */
export type { CellProblem, Severity } from './cells/problem';

/** Gathering an appeal's related rows and choosing the survey it is counted by. */
export {
  buildCases,
  linkCases,
  countedSurvey,
  isDissatisfied,
  toldDate,
  trackedImpossibility,
} from './appeal/case';
/** Appeal case types. */
export type { AppealCase, AppealLinks, Related } from './appeal/case';
/** The life of an appeal, derived from its rows. */
export { deriveState, progressText, APPEAL_STAGES, STAGE_NAME, stageText } from './appeal/lifecycle';
/** Appeal state types. */
export type { AppealStage, AppealState, StageRules } from './appeal/lifecycle';
/** Every deadline of an appeal on the working-day calendar. */
export { appealDeadlines, eachDeadline, isOverdue, DEADLINE_TEXT } from './appeal/deadlines';
/** Deadline types. */
export type { AppealDeadline, DeadlineKind, DeadlineStatus, DeadlineVisitor } from './appeal/deadlines';
/** Topics from the workshops' books turned into appeals (受理方式 转达), and the next free 编号. */
export { planTopicAppeals, nextId, RELAYED } from './appeal/topics';
/** Topic-to-appeal types. */
export type { TopicRow, TopicAppeal, TopicAppealPlan } from './appeal/topics';
/** Due and overdue reminders for appeals and the unit's recurring duties. */
export { appealReminders, unitReminders, escalationReminders } from './reminders';
/** Reminder types. */
export type { Reminder, ReminderKind, UnitDutyInput, WaitingEscalation } from './reminders';

/** Reporting periods (quarters, months and years) and ledger sheet names. */
export {
  periodRange,
  quarterOf,
  previousQuarter,
  inPeriod,
  periodTitle,
  periodName,
  ledgerSheetName,
  periodOfLedgerSheet,
  monthPeriod,
  monthOfLedgerSheet,
  isLedgerSheet,
  QUARTER_NAMES,
} from './ledger/period';
/** Period type. */
export type { Period } from './ledger/period';
/** The figures of docs/domain.md with numerators and denominators in words. */
export {
  computeFigures,
  tallyPeriod,
  tallyAppeal,
  emptyTally,
  addTally,
  figuresFromTally,
  formatRate,
  RATE_KEYS,
  rateDefinitions,
} from './ledger/figures';
/** Figure types. */
export type { Figures, Rate, RateKey, Tally, FigureOptions } from './ledger/figures';
/** The group summary (集团汇总): each unit under an org and each subtree's subtotal, unsynced units left out. */
export {
  groupSummaryRows,
  groupSheetName,
  subtotalText,
  syncStatusText,
  tallyOfFigures,
} from './ledger/group';
/** Group summary types. */
export type {
  GroupRow,
  GroupSubtotalRow,
  GroupSummary,
  GroupSummaryInput,
  GroupUnit,
  GroupUnitRow,
} from './ledger/group';
/** The ledgers built from the registers. */
export {
  buildWorkLedger,
  buildSatisfactionLedger,
  buildClassification,
  buildAnnualSummary,
  casesIn,
  HANDBOOK_NOTES,
} from './ledger/ledgers';

/** Removing or masking appellant identity. */
export { stripIdentity, redactRow, maskName, maskPhone, identityFields, REDACTED } from './privacy/redact';
/** Identity numbers (mobile, landline, ID card) typed into free text: found, tested, scrubbed. */
export { findTextIdentities, hasTextIdentity, scrubTextIdentities } from './privacy/freeText';
/** An identity number found in free text. */
export type { TextIdentity, TextIdentityKind } from './privacy/freeText';

/** Checking a whole workbook with the core's rules. */
export { checkWorkbook } from './check/workbook';
/** Workbook check types. */
export type { WorkbookInput, WorkbookCheck, CheckOptions } from './check/workbook';

/** Bilingual messages. */
export { say, joinSaid } from './text';
/** A message in Chinese and English. */
export type { Bilingual } from './text';

/** The HTTP contract between the add-in's sync client and the functions: requests, responses, errors. */
export type {
  WireValue,
  PushRecord,
  SyncRequest,
  StoredVersion,
  PulledRecord,
  PushResult,
  SyncConflict,
  EscalationView,
  EscalationReply,
  SyncResponse,
  EscalationRequest,
  EscalationAcceptRequest,
  EscalationForwardRequest,
  EscalationOrigin,
  EscalationStatus,
  UnitNode,
  UnitsResponse,
  ReminderView,
  RemindersResponse,
  UnitFigures,
  TreeFigures,
  SummaryResponse,
  FieldProblem,
  ApiError,
} from './wire/contract';
/** The registers the cloud keeps and the limits of one sync, the same at both ends. */
export {
  SYNC_REGISTERS,
  syncRegister,
  MAX_BODY_BYTES,
  MAX_RECORDS,
  MAX_RECORD_CHARS,
  PULL_LIMIT,
} from './wire/registers';
/** The wire contract as Zod schemas: requests the functions check, responses the add-in checks. */
export {
  syncRequestSchema,
  pushRecordSchema,
  recordValuesSchema,
  escalationRequestSchema,
  escalationCreateSchema,
  escalationReplyRequestSchema,
  escalationSchemaFor,
  escalationAcceptRequestSchema,
  escalationForwardRequestSchema,
  escalatedIdSchema,
  forwardedAppealId,
  ESCALATION_STATUSES,
  ESCALATION_STATUS_TEXT,
  unitNodeSchema,
  unitsResponseSchema,
  unitConfigRequestSchema,
  summaryQuerySchema,
  remindersQuerySchema,
  syncResponseSchema,
  remindersResponseSchema,
  escalationViewSchema,
  summaryResponseSchema,
  apiErrorSchema,
  wireValueSchema,
  revisionSchema,
  recordKeySchema,
  unitIdSchema,
  wireText,
  checkWire,
  wirePath,
  IDENTITY_IN_TEXT,
  MAX_TEXT,
  MAX_KEY,
  MAX_NOTE,
  MAX_REPLY,
  MAX_UNIT_NAME,
  UNIT_ID,
  CHANGE_ID,
  REVISION,
} from './wire/schema';
/** The outcome of checking a value against a wire schema. */
export type { WireCheck, DeepReadonly } from './wire/schema';
/** Microsoft Entra's clouds (sign-in hosts) and id shapes, for the manifest, the pane and the functions. */
export { ENTRA_LOGIN_HOSTS, ENTRA_GUID, ENTRA_TENANT, isEntraCloud } from './wire/entra';
/** A cloud the product deploys to. */
export type { EntraCloud } from './wire/entra';
/** Pairing codes and credentials: sign-in for units without Microsoft 365 work accounts. */
export {
  WIRE_ROLES,
  ROLE_LABELS,
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_LENGTH,
  PAIRING_MINUTES,
  CREDENTIAL_PREFIX,
  normalizePairingCode,
  formatPairingCode,
  pairingCodeRequestSchema,
  pairingCodeResponseSchema,
  pairingRedeemRequestSchema,
  pairingRedeemResponseSchema,
  pairedDeviceSchema,
  pendingCodeSchema,
  pairingListResponseSchema,
  pairingRevokeResponseSchema,
  callerViewSchema,
} from './wire/pairing';
/** The types of pairing's bodies. */
export type {
  WireRole,
  PairingCodeRequest,
  PairingCode,
  PairingCredential,
  PairedDevice,
  PendingCode,
  PairingList,
  CallerView,
} from './wire/pairing';
/** The cloud's intake endpoints: publishing the union's key, public submissions, the pane's pull. */
export {
  INTAKE_LIMITS,
  INTAKE_RATE_LIMITS,
  intakePublicJwkSchema,
  intakeFormSchema,
  intakeKeyRequestSchema,
  intakeKeyResponseSchema,
  intakePublicResponseSchema,
  intakeSubmissionRequestSchema,
  intakeReceiptSchema,
  intakeSubmissionSchema,
  intakeSubmissionListSchema,
  intakeTakenRequestSchema,
  intakeTakenResponseSchema,
  RECEIPT_RATE_LIMITS,
  SIGN_IN_RATE_LIMITS,
  RECEIPT_ID,
  RECEIPT_SECRET,
  MEETING_KEY,
  INTAKE_KINDS,
  receiptStatusUpdateSchema,
  receiptStatusRequestSchema,
  receiptStatusResponseSchema,
  receiptLookupRequestSchema,
  receiptViewSchema,
  receiptRatingRequestSchema,
  meetingKeySchema,
  meetingOpenRequestSchema,
  meetingSignInRequestSchema,
  meetingSignInOpenedSchema,
  meetingViewRequestSchema,
  meetingSignInViewSchema,
  meetingSignInSubmitSchema,
} from './wire/intake';
/** The types of the intake endpoints' bodies. */
export type {
  IntakePublicJwk,
  IntakeForm,
  IntakeKeyRequest,
  IntakePublicView,
  IntakeSubmissionRequest,
  IntakeReceipt,
  IntakeSubmission,
  IntakeSubmissionList,
  IntakeTaken,
  IntakeKind,
  ReceiptStatusUpdate,
  ReceiptStatusResponse,
  ReceiptView,
  ReceiptRatingRequest,
  MeetingOpenRequest,
  MeetingSignInRequest,
  MeetingSignInOpened,
  MeetingViewRequest,
  MeetingSignInView,
  MeetingSignInSubmit,
} from './wire/intake';
/** The phone intake: the submission an employee files, its encryption parameters and what a QR code carries. */
export {
  INTAKE_ALG,
  INTAKE_ENC,
  INTAKE_CURVE,
  INTAKE_KID,
  MAX_INTAKE_CONTENT,
  MAX_INTAKE_WORKSHOP,
  MAX_INTAKE_CATEGORY,
  MAX_INTAKE_NAME,
  MAX_RATING_REASON,
  MAX_SIGN_IN_POSITION,
  MAX_STATUS_RESULT,
  REPLY_KEY,
  STATUS_ALG,
  submissionPayloadSchema,
  ratingPayloadSchema,
  signInPayloadSchema,
  receiptStatusSchema,
  intakeQrSchema,
  CONFIDENTIALITY_PROMISE,
} from './intake/envelope';
/** The phone page's links: the QR codes' and the receipt's. */
export { phoneLink, readPhoneLink } from './intake/links';
/** The phone links' types. */
export type { PhoneRoute, PhoneSite, ReadPhoneLink } from './intake/links';
/** The register rows of a phone's rating and sign-in. */
export { surveyFromRating, signInFromPhone, PHONE_SURVEY_KEY, PHONE_SIGN_IN_KEY } from './intake/records';
/** What a receipt link shows of an appeal, and the result's words. */
export { receiptStatus, resultWords, statusFingerprint } from './intake/status';
/** The phone intake's types. */
export type {
  SubmissionPayload,
  RatingPayload,
  SignInPayload,
  ReceiptStatus,
  IntakeQr,
} from './intake/envelope';
