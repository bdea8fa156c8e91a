import { excelError } from '../errors';
import type { SheetModel } from '../model/sheet-model';
import { ClientObject } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import type { PropSpec, TypeSchema } from '../proxy/schema';
import { bool, choice, type Check } from './checks';

/** The four header/footer sets of a sheet (`Excel.HeaderFooterGroup`). */
export const HEADER_FOOTER_SETS = ['defaultForAllPages', 'firstPage', 'evenPages', 'oddPages'] as const;
const SECTIONS = ['left', 'center', 'right'] as const;

/** What a HeaderFooter proxy is bound to: one set of one sheet. */
export interface HeaderFooterTarget {
  readonly sheet: SheetModel;
  readonly set: (typeof HEADER_FOOTER_SETS)[number];
}

/**
 * The sheet's stored header/footer group, made on first write. It lives inside `pageLayout` so the
 * snapshot and the .xlsx export carry it with the rest of the page setup.
 */
function group(sheet: SheetModel): Record<string, unknown> {
  const g = sheet.pageLayout.headersFooters as Record<string, unknown> | undefined;
  if (g) return g;
  const made: Record<string, unknown> = {};
  sheet.pageLayout.headersFooters = made;
  return made;
}

const stored = (sheet: SheetModel): Record<string, unknown> =>
  (sheet.pageLayout.headersFooters as Record<string, unknown> | undefined) ?? {};

/**
 * The file formats hold a sheet's header (and its footer) as one string of at most 255 characters,
 * sections joined by their &L/&C/&R codes (MS-XLSB 2.5.73 HeaderFooterString,
 * https://learn.microsoft.com/openspecs/office_file_formats/ms-xlsb/36be4517-7dde-4d48-90f1-ab6f52558214).
 * What Excel's JavaScript API does with a longer one is not documented: refused here.
 */
const MAX_HEADER_FOOTER = 255;

function sectionProp(
  section: (typeof SECTIONS)[number],
  part: 'Header' | 'Footer',
): PropSpec<HeaderFooterTarget> {
  const name = `${section}${part}`;
  const location = `HeaderFooter.${name}`;
  return {
    get: (t) => ((stored(t.sheet)[t.set] as Record<string, unknown> | undefined)?.[name] as string) ?? '',
    set: (t, v) => {
      if (typeof v !== 'string') throw excelError('InvalidArgument', location, 'expected text');
      const current = (stored(t.sheet)[t.set] as Record<string, string> | undefined) ?? {};
      const next = { ...current, [name]: v };
      const joined = SECTIONS.map((s) => next[`${s}${part}`] ?? '')
        .map((text, i) => (text ? `&${'LCR'[i]}${text}` : ''))
        .join('');
      if (joined.length > MAX_HEADER_FOOTER)
        throw excelError(
          'InvalidArgument',
          location,
          `the ${part.toLowerCase()} would be ${joined.length} characters; the most is ${MAX_HEADER_FOOTER}`,
        );
      group(t.sheet)[t.set] = next;
    },
  };
}

/** `Excel.HeaderFooter`: the six sections of one set, stored as written (codes such as &P kept). */
export const HEADER_FOOTER_SCHEMA: TypeSchema<HeaderFooterTarget> = {
  typeName: 'HeaderFooter',
  props: Object.fromEntries(
    SECTIONS.flatMap((s) => [
      [`${s}Header`, sectionProp(s, 'Header')],
      [`${s}Footer`, sectionProp(s, 'Footer')],
    ]),
  ),
  isDead: (t) => t.sheet.deleted,
};

/** Excel's defaults for a sheet that never had headers or footers set. */
const GROUP_DEFAULTS: Readonly<Record<string, unknown>> = {
  state: 'Default',
  useSheetMargins: true,
  useSheetScale: true,
};

function groupProp(name: string, check: Check): PropSpec<SheetModel> {
  const location = `HeaderFooterGroup.${name}`;
  return {
    get: (s) => stored(s)[name] ?? GROUP_DEFAULTS[name],
    set: (s, v) => void (group(s)[name] = check(v, location)),
  };
}

/** `Excel.HeaderFooterGroup` (ExcelApi 1.9, reached only through `Worksheet.pageLayout`). */
export const HEADER_FOOTER_GROUP_SCHEMA: TypeSchema<SheetModel> = {
  typeName: 'HeaderFooterGroup',
  props: {
    state: groupProp('state', choice(['Default', 'FirstAndDefault', 'OddAndEven', 'FirstOddAndEven'])),
    useSheetMargins: groupProp('useSheetMargins', bool),
    useSheetScale: groupProp('useSheetScale', bool),
  },
  nav: Object.fromEntries(
    HEADER_FOOTER_SETS.map((set) => [
      set,
      {
        schema: () => HEADER_FOOTER_SCHEMA as TypeSchema<never>,
        target: (s: SheetModel): HeaderFooterTarget => ({ sheet: s, set }),
      },
    ]),
  ),
  isDead: (s) => s.deleted,
};

/** The simulator's `Excel.HeaderFooter`. */
export class HeaderFooterProxy extends ClientObject<HeaderFooterTarget> {
  /** @internal */ readonly _schema = HEADER_FOOTER_SCHEMA;
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
}
defineProperties(HeaderFooterProxy, HEADER_FOOTER_SCHEMA as TypeSchema<never>);

/** The simulator's `Excel.HeaderFooterGroup`. */
export class HeaderFooterGroupProxy extends ClientObject<SheetModel> {
  /** @internal */ readonly _schema = HEADER_FOOTER_GROUP_SCHEMA;
  declare state: string;
  declare useSheetMargins: boolean;
  declare useSheetScale: boolean;

  get defaultForAllPages(): HeaderFooterProxy {
    return this._child('defaultForAllPages', (p, b) => new HeaderFooterProxy(this.context, p, b));
  }
  get firstPage(): HeaderFooterProxy {
    return this._child('firstPage', (p, b) => new HeaderFooterProxy(this.context, p, b));
  }
  get evenPages(): HeaderFooterProxy {
    return this._child('evenPages', (p, b) => new HeaderFooterProxy(this.context, p, b));
  }
  get oddPages(): HeaderFooterProxy {
    return this._child('oddPages', (p, b) => new HeaderFooterProxy(this.context, p, b));
  }
}
defineProperties(HeaderFooterGroupProxy, HEADER_FOOTER_GROUP_SCHEMA as TypeSchema<never>);
