/**
 * How the Excel layer reaches a workbook: a function with Excel.run's shape. The add-in passes the
 * real Excel.run; tests and the browser preview pass the simulator's.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real Excel.run, for the add-in running inside Excel. */
export const officeExcelRun: ExcelRun = (batch) => Excel.run(batch);

/** Reports progress of long work: done of total steps, with a Chinese label for the pane. */
export type Progress = (done: number, total: number, label: string) => void;

/** A progress callback that ignores every report. */
export const noProgress: Progress = () => undefined;

/** The workbook setting that records which schema version set the workbook up. */
export const SCHEMA_VERSION_SETTING = 'xieshang.schemaVersion';

/**
 * The workbook setting that records which layout version (formats, validation and list sources)
 * set-up last applied; kept apart from the schema version so a layout change alone is re-applied.
 */
export const LAYOUT_VERSION_SETTING = 'xieshang.layoutVersion';
