import { excelError } from '../errors';
import type { SheetModel } from '../model/sheet-model';
import type { PropSpec, TypeSchema } from '../proxy/schema';
import { bool, type Check, choice } from './checks';

const points: Check = (v, loc) => {
  if (typeof v !== 'number' || !(v >= 0))
    throw excelError('InvalidArgument', loc, 'expected a margin in points ≥ 0');
  return v;
};
const zoom: Check = (v, loc) => {
  const z = v as { scale?: unknown } | null;
  if (typeof z !== 'object' || z === null) throw excelError('InvalidArgument', loc, 'zoom is an object');
  if (z.scale !== undefined && (typeof z.scale !== 'number' || z.scale < 10 || z.scale > 400)) {
    throw excelError('InvalidArgument', loc, 'zoom.scale is 10 to 400');
  }
  return { ...z };
};

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
    paperSize: stored('paperSize', (v, loc) => (typeof v === 'string' ? v : choice([])(v, loc))),
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
  isDead: (s) => s.deleted,
};
