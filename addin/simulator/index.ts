/**
 * An in-memory Excel JavaScript API for tests: proxies queue commands, `sync()` applies them in order with
 * Excel's errors and payload limits, and loaded values are snapshots. No Node-only imports: it runs in a browser.
 */
export { createSimulatedWorkbook, WEB_PAYLOAD_LIMIT } from './simulated-workbook';
export type { SimulatedWorkbook, SimulatedWorkbookOptions } from './simulated-workbook';
export { isPayloadLimitError, SimulatedExcelError, ERROR_MESSAGES } from './errors';
export type { ExcelErrorCode, SimulatedDebugInfo } from './errors';
export { installExcelGlobals, EXCEL_ENUMS } from './globals';
/** Parses an A1 address (optionally sheet-qualified) into its 0-based block. */
export { parseAddress } from './model/address';
export type { SyncStats } from './proxy/engine';
export type { ConditionalFormatInfo, TableInfo } from './inspect';
export type { ValidationModel, ValidationPrompt, ValidationAlert } from './model/validation-model';
export type {
  WorkbookSnapshot,
  SheetSnapshot,
  TableSnapshot,
  NameSnapshot,
  ShapeSnapshot,
  CellEntry,
} from './snapshot/types';
