import { SimulatedExcelError } from './errors';

/** The Excel enums the add-in code may reach through a global `Excel`, as plain string enums. */
export const EXCEL_ENUMS = {
  ConditionalFormatType: {
    custom: 'Custom',
    dataBar: 'DataBar',
    colorScale: 'ColorScale',
    iconSet: 'IconSet',
    topBottom: 'TopBottom',
    presetCriteria: 'PresetCriteria',
    containsText: 'ContainsText',
    cellValue: 'CellValue',
  },
  ClearApplyTo: {
    all: 'All',
    formats: 'Formats',
    contents: 'Contents',
    hyperlinks: 'Hyperlinks',
    removeHyperlinks: 'RemoveHyperlinks',
    resetContents: 'ResetContents',
  },
  DeleteShiftDirection: { up: 'Up', left: 'Left' },
  InsertShiftDirection: { down: 'Down', right: 'Right' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  DataValidationOperator: {
    between: 'Between',
    notBetween: 'NotBetween',
    equalTo: 'EqualTo',
    notEqualTo: 'NotEqualTo',
    greaterThan: 'GreaterThan',
    lessThan: 'LessThan',
    greaterThanOrEqualTo: 'GreaterThanOrEqualTo',
    lessThanOrEqualTo: 'LessThanOrEqualTo',
  },
  DataValidationAlertStyle: { stop: 'Stop', warning: 'Warning', information: 'Information' },
  HorizontalAlignment: {
    general: 'General',
    left: 'Left',
    center: 'Center',
    right: 'Right',
    fill: 'Fill',
    justify: 'Justify',
    centerAcrossSelection: 'CenterAcrossSelection',
    distributed: 'Distributed',
  },
  VerticalAlignment: {
    top: 'Top',
    center: 'Center',
    bottom: 'Bottom',
    justify: 'Justify',
    distributed: 'Distributed',
  },
  BorderIndex: {
    edgeTop: 'EdgeTop',
    edgeBottom: 'EdgeBottom',
    edgeLeft: 'EdgeLeft',
    edgeRight: 'EdgeRight',
    insideVertical: 'InsideVertical',
    insideHorizontal: 'InsideHorizontal',
    diagonalDown: 'DiagonalDown',
    diagonalUp: 'DiagonalUp',
  },
  BorderLineStyle: {
    none: 'None',
    continuous: 'Continuous',
    dash: 'Dash',
    dashDot: 'DashDot',
    dashDotDot: 'DashDotDot',
    dot: 'Dot',
    double: 'Double',
    slantDashDot: 'SlantDashDot',
  },
  BorderWeight: { hairline: 'Hairline', thin: 'Thin', medium: 'Medium', thick: 'Thick' },
  PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
  CalculationMode: {
    automatic: 'Automatic',
    automaticExceptTables: 'AutomaticExceptTables',
    manual: 'Manual',
  },
  ErrorCodes: {
    itemNotFound: 'ItemNotFound',
    itemAlreadyExists: 'ItemAlreadyExists',
    invalidArgument: 'InvalidArgument',
    invalidOperation: 'InvalidOperation',
    invalidReference: 'InvalidReference',
    generalException: 'GeneralException',
    requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
    responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  },
} as const;

/**
 * Defines a minimal global `Excel` (the enums above, no `run`) and, if absent, `OfficeExtension.Error` as the
 * simulator's error class, so `instanceof OfficeExtension.Error` holds. Returns a function restoring the previous globals.
 */
export function installExcelGlobals(): () => void {
  const g = globalThis as Record<string, unknown>;
  const previous = {
    Excel: g.Excel,
    OfficeExtension: g.OfficeExtension,
    hadExcel: 'Excel' in g,
    hadExtension: 'OfficeExtension' in g,
  };
  g.Excel = {
    ...(typeof previous.Excel === 'object' && previous.Excel !== null ? previous.Excel : {}),
    ...EXCEL_ENUMS,
  };
  if (!previous.hadExtension)
    g.OfficeExtension = { Error: SimulatedExcelError, ErrorCodes: EXCEL_ENUMS.ErrorCodes };
  return () => {
    if (previous.hadExcel) g.Excel = previous.Excel;
    else delete g.Excel;
    if (previous.hadExtension) g.OfficeExtension = previous.OfficeExtension;
    else delete g.OfficeExtension;
  };
}
