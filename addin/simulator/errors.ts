/** The error codes the simulator raises, spelled as `OfficeExtension.ErrorCodes` / Excel spells them. */
export type ExcelErrorCode =
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'AccessDenied'
  | 'BadPassword'
  | 'MergedRangeConflict'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'InvalidObjectPath'
  | 'InvalidRequestContext'
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'RunMustReturnPromise'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'GeneralException'
  | 'ApiNotFound';

const PAYLOAD_DOC =
  '"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins"';

/** The messages Excel and office.js attach to each code (en-US strings copied from office.js where they exist). */
export const ERROR_MESSAGES: Readonly<Record<ExcelErrorCode, string>> = {
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  AccessDenied: 'You cannot perform the requested operation.',
  BadPassword: 'The password you supplied is incorrect.',
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The requested operation is invalid.',
  InvalidReference: 'This reference is not valid for the current operation.',
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  RequestPayloadSizeLimitExceeded: `The request payload size has exceeded the limit. Please refer to the documentation: ${PAYLOAD_DOC}.`,
  ResponsePayloadSizeLimitExceeded: `The response payload size has exceeded the limit. Please refer to the documentation: ${PAYLOAD_DOC}.`,
  GeneralException: 'An internal error has occurred.',
  ApiNotFound:
    'The method or property {0} is part of the {1} requirement set, which is not available in your version of {2}.',
};

/** What `OfficeExtension.Error#debugInfo` carries, plus the simulator's own explanation in `detail`. */
export interface SimulatedDebugInfo {
  readonly code: string;
  readonly message: string;
  readonly errorLocation?: string;
  readonly detail?: string;
}

/** An error shaped like `OfficeExtension.Error` (name `RichApi.Error`, `code`, `debugInfo`, `httpStatusCode`). */
export class SimulatedExcelError extends Error {
  /** The Excel error code, e.g. `ItemNotFound`. */
  readonly code: ExcelErrorCode;
  /** Mirrors the code and message, as office.js does, plus where and why. */
  readonly debugInfo: SimulatedDebugInfo;
  /** What Excel's HTTP layer would report. */
  readonly httpStatusCode: number;
  /** Always empty: the simulator has no trace messages. */
  readonly traceMessages: string[] = [];
  /** Always null, as for most Excel errors. */
  readonly innerError: null = null;

  constructor(code: ExcelErrorCode, options: { message?: string; location?: string; detail?: string } = {}) {
    const message = options.message ?? ERROR_MESSAGES[code];
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.httpStatusCode =
      code === 'ItemNotFound' || code === 'ApiNotFound' ? 404 : code === 'GeneralException' ? 500 : 400;
    this.debugInfo = {
      code,
      message,
      ...(options.location ? { errorLocation: options.location } : {}),
      ...(options.detail ? { detail: options.detail } : {}),
    };
  }

  /** Same shape as office.js: `Code: message`. */
  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** Shorthand for raising an Excel error with a location and an explanation for whoever debugs the test. */
export function excelError(code: ExcelErrorCode, location?: string, detail?: string): SimulatedExcelError {
  return new SimulatedExcelError(code, { ...(location ? { location } : {}), ...(detail ? { detail } : {}) });
}

/** Whether an error (simulated or from real Excel) is a request or response payload limit error. */
export function isPayloadLimitError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded') return true;
  const message = (e as { message?: unknown }).message;
  return typeof message === 'string' && /payload size has exceeded the limit/i.test(message);
}
