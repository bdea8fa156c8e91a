import { excelError } from '../errors';
import type { SheetModel } from '../model/sheet-model';
import type { PropSpec, TypeSchema } from '../proxy/schema';
import { bool, type Check, choice } from './checks';
import { HEADER_FOOTER_GROUP_SCHEMA } from './header-footer';

const points: Check = (v, loc) => {
  if (typeof v !== 'number' || !(v >= 0))
    throw excelError('InvalidArgument', loc, 'expected a margin in points ≥ 0');
  return v;
};
/**
 * `PageLayoutZoomOptions` (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions):
 * a print scale of 10–400, or pages to fit across and down, each "null if" the other is used. What
 * Excel does with both, with 0 pages or with other members is not documented: refused here.
 */
const zoom: Check = (v, loc) => {
  const z = v as Record<string, unknown> | null;
  if (typeof z !== 'object' || z === null) throw excelError('InvalidArgument', loc, 'zoom is an object');
  const known = ['scale', 'horizontalFitToPages', 'verticalFitToPages'];
  const extra = Object.keys(z).filter((k) => !known.includes(k));
  if (extra.length) throw excelError('InvalidArgument', loc, `zoom has no ${extra.join(', ')}`);
  const given = (k: string): boolean => z[k] !== undefined && z[k] !== null;
  if (given('scale') && (typeof z.scale !== 'number' || z.scale < 10 || z.scale > 400)) {
    throw excelError('InvalidArgument', loc, 'zoom.scale is 10 to 400');
  }
  for (const k of ['horizontalFitToPages', 'verticalFitToPages']) {
    const n = z[k];
    if (given(k) && !(typeof n === 'number' && Number.isInteger(n) && n >= 1))
      throw excelError('InvalidArgument', loc, `zoom.${k} is a whole number of pages ≥ 1, or null`);
  }
  const fits = given('horizontalFitToPages') || given('verticalFitToPages');
  if (given('scale') === fits)
    throw excelError('InvalidArgument', loc, 'zoom is either a scale or pages to fit, not both nor neither');
  return Object.fromEntries(Object.entries(z).filter(([k]) => given(k)));
};

/** `Excel.PaperType` (https://learn.microsoft.com/javascript/api/excel/excel.papertype). */
const PAPER_TYPES = [
  'Letter',
  'LetterSmall',
  'Tabloid',
  'Ledger',
  'Legal',
  'Statement',
  'Executive',
  'A3',
  'A4',
  'A4Small',
  'A5',
  'B4',
  'B5',
  'Folio',
  'Quatro',
  'Paper10x14',
  'Paper11x17',
  'Note',
  'Envelope9',
  'Envelope10',
  'Envelope11',
  'Envelope12',
  'Envelope14',
  'Csheet',
  'Dsheet',
  'Esheet',
  'EnvelopeDL',
  'EnvelopeC5',
  'EnvelopeC3',
  'EnvelopeC4',
  'EnvelopeC6',
  'EnvelopeC65',
  'EnvelopeB4',
  'EnvelopeB5',
  'EnvelopeB6',
  'EnvelopeItaly',
  'EnvelopeMonarch',
  'EnvelopePersonal',
  'FanfoldUS',
  'FanfoldStdGerman',
  'FanfoldLegalGerman',
] as const;

/** Excel's defaults for a new sheet (margins in points: 0.7", 0.75", 0.3"). */
const DEFAULTS: Readonly<Record<string, unknown>> = {
  orientation: 'Portrait',
  paperSize: 'Letter',
  leftMargin: 50.4,
  rightMargin: 50.4,
  topMargin: 54,
  bottomMargin: 54,
  headerMargin: 21.6,
  footerMargin: 21.6,
  centerHorizontally: false,
  centerVertically: false,
  blackAndWhite: false,
  draftMode: false,
  printGridlines: false,
  printHeadings: false,
  printComments: 'NoComments',
  printErrors: 'AsDisplayed',
  printOrder: 'DownThenOver',
  firstPageNumber: '',
  zoom: { scale: 100 },
};

function stored(name: string, check: Check): PropSpec<SheetModel> {
  const location = `PageLayout.${name}`;
  return {
    get: (s) => s.pageLayout[name] ?? DEFAULTS[name],
    set: (s, v) => void (s.pageLayout[name] = check(v, location)),
  };
}

/** `Excel.PageLayout`: every property is stored on the sheet for later inspection. */
export const PAGE_LAYOUT_SCHEMA: TypeSchema<SheetModel> = {
  typeName: 'PageLayout',
  props: {
    orientation: stored('orientation', choice(['Portrait', 'Landscape'])),
    paperSize: stored('paperSize', choice(PAPER_TYPES)),
    leftMargin: stored('leftMargin', points),
    rightMargin: stored('rightMargin', points),
    topMargin: stored('topMargin', points),
    bottomMargin: stored('bottomMargin', points),
    headerMargin: stored('headerMargin', points),
    footerMargin: stored('footerMargin', points),
    centerHorizontally: stored('centerHorizontally', bool),
    centerVertically: stored('centerVertically', bool),
    blackAndWhite: stored('blackAndWhite', bool),
    draftMode: stored('draftMode', bool),
    printGridlines: stored('printGridlines', bool),
    printHeadings: stored('printHeadings', bool),
    printComments: stored('printComments', choice(['NoComments', 'EndSheet', 'InPlace'])),
    printErrors: stored('printErrors', choice(['AsDisplayed', 'Blank', 'Dash', 'NotAvailable'])),
    printOrder: stored('printOrder', choice(['DownThenOver', 'OverThenDown'])),
    firstPageNumber: stored('firstPageNumber', (v) => v),
    zoom: stored('zoom', zoom),
  },
  nav: {
    headersFooters: { schema: () => HEADER_FOOTER_GROUP_SCHEMA as TypeSchema<never>, target: (s) => s },
  },
  isDead: (s) => s.deleted,
};
