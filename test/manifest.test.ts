/**
 * The add-in manifest, checked offline against what the add-in manifest schema (OfficeApp 1.1 and
 * TaskPaneAppVersionOverrides 1.0) requires of every element used here. `office-addin-manifest
 * validate` needs the internet; this runs anywhere.
 */
import { XMLParser } from 'fast-xml-parser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createSyncApi } from '../addin/sync/api';
import {
  type Cloud,
  main,
  manifestFor,
  productionManifest,
  type ProductionOptions,
} from '../scripts/manifest-for';

/** An element with its attributes and children in document order. */
interface El {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly El[];
  readonly text: string;
}

type Raw = Record<string, unknown>;
function toEl(node: Raw): El | null {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name || name.startsWith('#') || name.startsWith('?')) return null;
  const raw = (node[name] ?? []) as Raw[];
  const attrs = Object.fromEntries(
    Object.entries((node[':@'] ?? {}) as Raw).map(([k, v]) => [k.replace(/^@_/, ''), String(v)]),
  );
  const text = raw
    .map((c) => c['#text'] ?? '')
    .join('')
    .trim();
  return { name, attrs, children: raw.map(toEl).filter((c): c is El => c !== null), text };
}

/** A manifest's OfficeApp element, its entities (&amp;) decoded. */
function parseManifest(text: string): El {
  const parsed = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
  }).parse(text) as Raw[];
  const found = parsed.map(toEl).find((e) => e?.name === 'OfficeApp');
  expect(found, 'an OfficeApp root').toBeDefined();
  return found as El;
}

const xml = readFileSync('manifest.xml', 'utf8');
const root = parseManifest(xml);
const all = (e: El): El[] => [e, ...e.children.flatMap(all)];
const child = (e: El | undefined, name: string): El | undefined => e?.children.find((c) => c.name === name);
/** The element at `names` below `from`. */
const pathIn = (from: El, ...names: string[]): El | undefined =>
  names.reduce<El | undefined>((e, n) => child(e, n), from);
const path = (...names: string[]): El | undefined => pathIn(root, ...names);
const names = (e: El | undefined): string[] => (e?.children ?? []).map((c) => c.name);

/** `actual` lists only names of `sequence`, in its order, with every `required` one present. */
function expectSequence(
  actual: readonly string[],
  sequence: readonly string[],
  required: readonly string[],
): void {
  expect(
    actual.filter((n) => !sequence.includes(n)),
    'elements the schema does not allow here',
  ).toEqual([]);
  expect(actual, 'element order').toEqual(
    [...actual].sort((a, b) => sequence.indexOf(a) - sequence.indexOf(b)),
  );
  for (const r of required) expect(actual, `required <${r}>`).toContain(r);
}

// OfficeApp (1.1) then TaskPaneApp's extension, in schema order.
const OFFICE_APP = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
];
const SHORT = 125;
const LONG = 250;
const CULTURE = /^[a-z]{2,3}-[A-Z]{2}$/;

/** Every localisable value: DefaultValue and each Override's Value, with its locale. */
const localised = (e: El): { locale: string; value: string }[] => [
  { locale: '', value: e.attrs.DefaultValue ?? '' },
  ...e.children
    .filter((c) => c.name.endsWith('Override'))
    .map((o) => ({ locale: o.attrs.Locale ?? '', value: o.attrs.Value ?? '' })),
];

/** The resource kind a resid must point to, by the element that carries it. */
const KIND_OF: Readonly<Record<string, string>> = {
  'bt:Image': 'bt:Images',
  FunctionFile: 'bt:Urls',
  SourceLocation: 'bt:Urls',
  LearnMoreUrl: 'bt:Urls',
  Label: 'bt:ShortStrings',
  Title: 'bt:ShortStrings',
  Description: 'bt:LongStrings',
};

/**
 * The checks the add-in manifest schema makes of every element used here, for manifest.xml and for
 * what scripts/manifest-for.ts makes of it (the shadowing names are that manifest's own).
 */
function structuralChecks(label: string, text: string, taskpaneUrl: string): void {
  const root = parseManifest(text);
  const path = (...names: string[]): El | undefined => pathIn(root, ...names);
  const overrides = pathIn(root, 'VersionOverrides') as El;
  const resources = child(overrides, 'Resources') as El;
  /** Resource id → its kind (bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings) and element. */
  const resourceById = new Map(
    resources.children.flatMap((kind) =>
      kind.children.map((r) => [r.attrs.id ?? '', { kind: kind.name, el: r }] as const),
    ),
  );

  describe(`${label}, the base manifest`, () => {
    it('is a task-pane add-in for Excel with its elements in schema order', () => {
      expect(root.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
      expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
      expectSequence(names(root), OFFICE_APP, [
        'Id',
        'Version',
        'ProviderName',
        'DefaultLocale',
        'DisplayName',
        'Description',
        'IconUrl',
        'DefaultSettings',
        'Permissions',
      ]);
      expect(new Set(names(root)).size).toBe(names(root).length);
      expect(path('Hosts')?.children.map((h) => h.attrs.Name)).toEqual(['Workbook']);
      expect([
        'Restricted',
        'ReadDocument',
        'ReadAllDocument',
        'WriteDocument',
        'ReadWriteDocument',
      ]).toContain(path('Permissions')?.text);
    });

    it('has a GUID id, a four-part version and strings within the schema limits', () => {
      expect(path('Id')?.text).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
      );
      const version = path('Version')?.text ?? '';
      expect(version).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
      expect(version.split('.').every((p) => Number(p) <= 65535)).toBe(true);
      expect(path('ProviderName')?.text.length).toBeLessThanOrEqual(SHORT);
      expect(path('DefaultLocale')?.text).toBe('zh-CN');
      for (const [name, limit] of [
        ['DisplayName', SHORT],
        ['Description', LONG],
      ] as const) {
        const values = localised(path(name) as El);
        expect(values.map((v) => v.locale)).toEqual(['', 'en-US']);
        for (const v of values) expect(v.value.length, `${name} ${v.locale}`).toBeGreaterThan(0);
        for (const v of values) expect(v.value.length, `${name} ${v.locale}`).toBeLessThanOrEqual(limit);
      }
    });

    it('loads everything over https, and the default settings name only the source location', () => {
      const urls = all(root).flatMap((e) =>
        /(Url|SourceLocation)$/.test(e.name) && e.attrs.DefaultValue ? [e.attrs.DefaultValue] : [],
      );
      const resourceUrls = all(root)
        .filter((e) => (e.name === 'bt:Url' || e.name === 'bt:Image') && e.attrs.id)
        .map((e) => e.attrs.DefaultValue ?? '');
      for (const u of [...urls, ...resourceUrls]) {
        expect(u, u).toMatch(/^https:\/\//);
        expect(u.length).toBeLessThanOrEqual(2048);
      }
      const settings = path('DefaultSettings') as El;
      expect(settings.children.length).toBeLessThanOrEqual(3);
      expectSequence(
        names(settings),
        ['SourceLocation', 'RequestedWidth', 'RequestedHeight'],
        ['SourceLocation'],
      );
      expect(child(settings, 'SourceLocation')?.attrs.DefaultValue).toBe(taskpaneUrl);
    });
  });

  describe(`${label}, the ribbon button (VersionOverrides 1.0)`, () => {
    it('declares the task-pane overrides with their children in schema order', () => {
      expect(overrides.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
      expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
      expectSequence(
        names(overrides),
        ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo'],
        ['Hosts', 'Resources'],
      );
      const hosts = child(overrides, 'Hosts')?.children ?? [];
      expect(hosts.map((h) => [h.name, h.attrs['xsi:type']])).toEqual([['Host', 'Workbook']]);
      const desktop = child(hosts[0], 'DesktopFormFactor') as El;
      expectSequence(
        names(desktop),
        ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
        ['FunctionFile', 'ExtensionPoint'],
      );
      expect(names(child(desktop, 'GetStarted'))).toEqual(['Title', 'Description', 'LearnMoreUrl']);
      expect(names(resources)).toEqual(['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);
    });

    it('puts one button on the Home tab that opens the pane', () => {
      const point = child(
        path('VersionOverrides', 'Hosts', 'Host', 'DesktopFormFactor'),
        'ExtensionPoint',
      ) as El;
      expect(point.attrs['xsi:type']).toBe('PrimaryCommandSurface');
      const tab = child(point, 'OfficeTab') as El;
      expect(tab.attrs.id).toBe('TabHome');
      for (const group of tab.children) {
        expect(group.name).toBe('Group');
        expect(group.attrs.id?.length).toBeLessThanOrEqual(SHORT);
        expect(names(group).slice(0, 2)).toEqual(['Label', 'Icon']);
        expect(
          names(group)
            .slice(2)
            .every((n) => n === 'Control') && names(group).length > 2,
        ).toBe(true);
        for (const control of group.children.filter((c) => c.name === 'Control')) {
          expect(control.attrs['xsi:type']).toBe('Button');
          expect(control.attrs.id?.length).toBeLessThanOrEqual(SHORT);
          expect(names(control)).toEqual(['Label', 'Supertip', 'Icon', 'Action']);
          expect(names(child(control, 'Supertip'))).toEqual(['Title', 'Description']);
          const action = child(control, 'Action') as El;
          expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
          expectSequence(
            names(action),
            ['TaskpaneId', 'SourceLocation', 'Title', 'SupportsPinning'],
            ['SourceLocation'],
          );
        }
      }
      const ids = all(overrides).flatMap((e) =>
        e.name === 'Group' || e.name === 'Control' ? [e.attrs.id] : [],
      );
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('gives every icon the 16, 32 and 80 px images the ribbon requires', () => {
      for (const icon of all(overrides).filter((e) => e.name === 'Icon')) {
        const sizes = icon.children.map((i) => Number(i.attrs.size));
        expect(new Set(sizes).size).toBe(sizes.length);
        for (const s of [16, 32, 80]) expect(sizes).toContain(s);
        for (const s of sizes) expect([16, 20, 24, 32, 40, 48, 64, 80]).toContain(s);
      }
    });

    it('resolves every resid to a resource of the right kind, with ids and strings within limits', () => {
      const ids = resources.children.flatMap((k) => k.children.map((r) => r.attrs.id ?? ''));
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.length, id).toBeLessThanOrEqual(32);
      for (const e of all(overrides).filter((x) => x.attrs.resid !== undefined)) {
        const found = resourceById.get(e.attrs.resid as string);
        expect(found, `resid ${e.attrs.resid}`).toBeDefined();
        expect(found?.kind, `<${e.name} resid="${e.attrs.resid}">`).toBe(KIND_OF[e.name]);
      }
      for (const [kind, limit] of [
        ['bt:ShortStrings', SHORT],
        ['bt:LongStrings', LONG],
      ] as const) {
        for (const s of child(resources, kind)?.children ?? []) {
          for (const v of localised(s)) {
            expect(v.value.length, `${s.attrs.id} ${v.locale}`).toBeGreaterThan(0);
            expect(v.value.length, `${s.attrs.id} ${v.locale}`).toBeLessThanOrEqual(limit);
            if (v.locale) expect(v.locale).toMatch(CULTURE);
          }
        }
      }
    });
  });
}

structuralChecks('manifest.xml', xml, 'https://localhost:3000/taskpane.html');

const overrides = path('VersionOverrides') as El;
const resources = child(overrides, 'Resources') as El;
/** Resource id → its kind (bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings) and element. */
const resourceById = new Map(
  resources.children.flatMap((kind) =>
    kind.children.map((r) => [r.attrs.id ?? '', { kind: kind.name, el: r }] as const),
  ),
);

/** The source file each development URL is built from (webpack.config.js). */
function sourceOf(url: string): string {
  const rel = url.replace('https://localhost:3000/', '');
  if (rel.startsWith('assets/')) return join('addin', rel);
  return join('addin/taskpane', rel === 'taskpane.html' ? 'index.html' : rel);
}

/** A PNG's width and height from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('manifest.xml, its files', () => {
  it('points only at files the build serves', () => {
    const urls = all(root)
      .flatMap((e) => [e.attrs.DefaultValue ?? ''])
      .filter((u) => u.startsWith('https://localhost:3000/'));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(existsSync(sourceOf(u)), `${u} ← ${sourceOf(u)}`).toBe(true);
  });

  it('has every icon drawn at the size it is declared', () => {
    const declared = new Map<string, number>([
      [path('IconUrl')?.attrs.DefaultValue ?? '', 32],
      [path('HighResolutionIconUrl')?.attrs.DefaultValue ?? '', 64],
    ]);
    for (const img of all(overrides).filter((e) => e.name === 'bt:Image' && e.attrs.resid)) {
      declared.set(
        resourceById.get(img.attrs.resid ?? '')?.el.attrs.DefaultValue ?? '',
        Number(img.attrs.size),
      );
    }
    for (const [url, size] of declared) expect(pngSize(sourceOf(url)), url).toEqual([size, size]);
  });
});

/** Excel API members above ExcelApi 1.1 and the requirement set that brought them. */
const API_SETS: readonly (readonly [RegExp, number])[] = [
  [/\.onSelectionChanged\b|\.autofit(Columns|Rows)\(|\.columnWidth\b|\.protection\b/, 2],
  [/\.getUsedRangeOrNullObject\(|\.getItemOrNullObject\(|workbook\.settings\b|workbook\.names\b/, 4],
  [/\.conditionalFormats\b/, 6],
  [/\.getRangeByIndexes\(|\.getResizedRange\(|\.freezePanes\b|\.tabColor\b|\.hyperlink\b/, 7],
  [/\.dataValidation\b|\bcreateWorkbook\(|\.showGridlines\b|\.pivotTables\b/, 8],
  [
    /\.pageLayout\b|\.headersFooters\b|\.setPrint(Area|TitleRows|Margins)\(|\.(get|set)CellProperties\(|\.copyFrom\(|\.autoFilter\b|\.shapes\b|\.(horizontal|vertical)PageBreaks\b/,
    9,
  ],
  [/\.getMergedAreasOrNullObject\(|\.insertWorksheetsFromBase64\(|\btable\.resize\(/, 13],
  [/\.deleteRows\(/, 14],
  [/\.valuesAsJson\b/, 16],
];

const codeFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? d.name === 'simulator'
        ? []
        : codeFiles(join(dir, d.name))
      : /\.tsx?$/.test(d.name)
        ? [join(dir, d.name)]
        : [],
  );

/**
 * The runtime-check convention (addin/excel/capabilities.ts). A member of a set above the manifest's
 * may be used only where Office has been asked, which this reads from the syntax tree:
 * - in the then-branch of `if (supportsExcelApi(x, N))`, the right of `supportsExcelApi(x, N) && …`
 *   or the true branch of `supportsExcelApi(x, N) ? … : …`, with N a number literal; or
 * - in a function declared with the TSDoc tag `@excelApi 1.N`, whose every call must then itself be
 *   guarded as above (each call counts as a use of 1.N).
 * Office's advice: declare the lowest set in the manifest and check the rest at run time,
 * https://learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements
 */
interface ApiUse {
  readonly file: string;
  readonly line: number;
  readonly minor: number;
  /** The highest ExcelApi minor version a runtime check proves at this place (0: none). */
  readonly checked: number;
  readonly text: string;
}

const GUARD = 'supportsExcelApi';

/** The ExcelApi minor an expression proves true when it is true. */
function proves(e: ts.Expression): number {
  if (ts.isParenthesizedExpression(e)) return proves(e.expression);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    return Math.max(proves(e.left), proves(e.right));
  if (ts.isCallExpression(e)) {
    const callee = ts.isPropertyAccessExpression(e.expression) ? e.expression.name : e.expression;
    const minor = e.arguments[1];
    if (ts.isIdentifier(callee) && callee.text === GUARD && minor && ts.isNumericLiteral(minor))
      return Number(minor.text);
  }
  return 0;
}

/** The `@excelApi 1.N` tag of a function declaration, as N. */
function taggedMinor(node: ts.Node): number {
  for (const tag of ts.getJSDocTags(node)) {
    if (tag.tagName.text !== 'excelApi') continue;
    const m = /^1\.(\d+)$/.exec((ts.getTextOfJSDocComment(tag.comment) ?? '').trim());
    if (m) return Number(m[1]);
  }
  return 0;
}

/** What the runtime checks around `node` prove, walking out to the file. */
function checkedAt(node: ts.Node): number {
  let best = 0;
  for (let child = node, p = node.parent; p; child = p, p = p.parent) {
    if (ts.isIfStatement(p) && child === p.thenStatement) best = Math.max(best, proves(p.expression));
    if (
      ts.isBinaryExpression(p) &&
      p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      child === p.right
    )
      best = Math.max(best, proves(p.left));
    if (ts.isConditionalExpression(p) && child === p.whenTrue) best = Math.max(best, proves(p.condition));
    if (ts.isFunctionDeclaration(p)) best = Math.max(best, taggedMinor(p));
  }
  return best;
}

/** The innermost node whose own text (not its leading comments) covers `pos`. */
function nodeAt(node: ts.Node, sf: ts.SourceFile, pos: number): ts.Node | undefined {
  if (pos < node.getStart(sf) || pos >= node.getEnd()) return undefined;
  let found: ts.Node = node;
  node.forEachChild((c) => void (found = nodeAt(c, sf, pos) ?? found));
  return found;
}

/** Every use of an API member above ExcelApi 1.1 in the given sources, with what is checked there. */
function apiUses(sources: ReadonlyMap<string, string>): ApiUse[] {
  const trees = [...sources].map(([file, text]) =>
    ts.createSourceFile(
      file,
      text,
      ts.ScriptTarget.Latest,
      true,
      file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    ),
  );
  // Functions that declare the set they need: calling one is a use of that set.
  const tagged = new Map<string, number>();
  for (const sf of trees)
    sf.forEachChild(function visit(n: ts.Node): void {
      if (ts.isFunctionDeclaration(n) && n.name && taggedMinor(n)) tagged.set(n.name.text, taggedMinor(n));
      n.forEachChild(visit);
    });
  const uses: ApiUse[] = [];
  const add = (sf: ts.SourceFile, node: ts.Node, minor: number): void =>
    void uses.push({
      file: sf.fileName,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      minor,
      checked: checkedAt(node),
      text: node.getText(sf).slice(0, 60),
    });
  for (const sf of trees) {
    for (const [pattern, minor] of API_SETS) {
      for (const m of sf.text.matchAll(new RegExp(pattern.source, 'g'))) {
        const node = nodeAt(sf, sf, m.index);
        // Code only: a match in a comment or a string lands on a statement or a literal.
        if (node && (ts.isPropertyAccessExpression(node) || ts.isIdentifier(node))) add(sf, node, minor);
      }
    }
    sf.forEachChild(function visit(n: ts.Node): void {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && tagged.has(n.expression.text))
        add(sf, n, tagged.get(n.expression.text) ?? 0);
      n.forEachChild(visit);
    });
  }
  return uses;
}

/** The uses no runtime check covers: these set the manifest's minimum. */
const unchecked = (uses: readonly ApiUse[]): ApiUse[] => uses.filter((u) => u.checked < u.minor);

describe('the runtime-check convention the requirement-set test reads', () => {
  const usesOf = (code: string) =>
    apiUses(new Map([['sample.ts', code]])).map((u) => ({
      line: u.line,
      minor: u.minor,
      ok: u.checked >= u.minor,
    }));

  it('counts a 1.9 member outside any check, and not one in a comment or a string', () => {
    expect(
      usesOf(
        [
          '// sheet.pageLayout in a comment',
          'const s = "sheet.pageLayout";',
          'function f(sheet: any) {',
          '  sheet.pageLayout.orientation = "Landscape";',
          '}',
        ].join('\n'),
      ),
    ).toEqual([{ line: 4, minor: 9, ok: false }]);
  });

  it('accepts a 1.9 member under if (supportsExcelApi(x, 9)), && and ?:, but not under a lower check or in else', () => {
    expect(
      usesOf(
        [
          'if (supportsExcelApi(x, 9)) sheet.pageLayout.zoom = 1;',
          'if (ready && supportsExcelApi(x, 9)) { sheet.pageLayout.zoom = 1; }',
          'supportsExcelApi(x, 9) && sheet.pageLayout.setPrintArea("A1");',
          'const z = supportsExcelApi(x, 9) ? sheet.pageLayout.zoom : undefined;',
          'if (supportsExcelApi(x, 8)) sheet.pageLayout.zoom = 1;',
          'if (supportsExcelApi(x, 9)) {} else sheet.pageLayout.zoom = 1;',
          'const p = supportsExcelApi(x, 9); if (p) sheet.pageLayout.zoom = 1;',
        ].join('\n'),
      ).filter((u) => u.minor === 9),
    ).toEqual([
      { line: 1, minor: 9, ok: true },
      { line: 2, minor: 9, ok: true },
      { line: 3, minor: 9, ok: true },
      { line: 3, minor: 9, ok: true },
      { line: 4, minor: 9, ok: true },
      { line: 5, minor: 9, ok: false },
      { line: 6, minor: 9, ok: false },
      { line: 7, minor: 9, ok: false },
    ]);
  });

  it('lets an @excelApi 1.9 function use 1.9 members and makes each of its calls a use to check', () => {
    const code = [
      '/** Sets the page up.\n * @excelApi 1.9\n */',
      'function setUpPage(sheet: any) { sheet.pageLayout.zoom = 1; }',
      'if (supportsExcelApi(x, 9)) setUpPage(a);',
      'setUpPage(b);',
    ].join('\n');
    expect(usesOf(code)).toEqual([
      { line: 4, minor: 9, ok: true },
      { line: 5, minor: 9, ok: true },
      { line: 6, minor: 9, ok: false },
    ]);
  });
});

describe('manifest.xml, the requirement set', () => {
  it('declares exactly the highest ExcelApi version the add-in uses without a runtime check', () => {
    const sets = path('Requirements', 'Sets')?.children ?? [];
    expect(sets.map((s) => s.attrs.Name)).toEqual(['ExcelApi']);
    const declared = Number((sets[0]?.attrs.MinVersion ?? '').split('.')[1]);
    const uses = apiUses(new Map(codeFiles('addin').map((f) => [f, readFileSync(f, 'utf8')])));
    const bare = unchecked(uses);
    const needed = Math.max(1, ...bare.map((u) => u.minor));
    const by = bare.find((u) => u.minor === needed);
    expect(
      `1.${declared}`,
      by ? `ExcelApi 1.${needed} is needed by ${by.file}:${by.line} ${by.text}` : '',
    ).toBe(`1.${needed}`);
    // The add-in must keep what the declared set and the checks promise: capabilities.ts says the same.
    expect(readFileSync('addin/excel/capabilities.ts', 'utf8')).toContain(
      `DECLARED_EXCEL_API = ${declared};`,
    );
  });

  it('sets up printed pages only behind the ExcelApi 1.9 check (Office 2019 has 1.8)', () => {
    const uses = apiUses(new Map([['addin/excel/print.ts', readFileSync('addin/excel/print.ts', 'utf8')]]));
    const pageLayout = uses.filter((u) => u.minor === 9);
    expect(pageLayout.length).toBeGreaterThan(0);
    expect(unchecked(pageLayout)).toEqual([]);
  });
});

describe('scripts/manifest-for.ts, the production manifest', () => {
  it('moves every URL to the production origin and changes nothing else', () => {
    const prod = manifestFor(xml, 'https://xieshang.example.cn/pane/', '1.0.1.0');
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('<SourceLocation DefaultValue="https://xieshang.example.cn/pane/taskpane.html"/>');
    expect(prod).toContain('<Version>1.0.1.0</Version>');
    expect(
      prod
        .replaceAll('https://xieshang.example.cn/pane', 'https://localhost:3000')
        .replace('1.0.1.0', '1.0.0.0'),
    ).toBe(xml);
    expect(() => manifestFor(xml, 'http://xieshang.example.cn')).toThrow(/https/);
    expect(() => manifestFor(xml, 'https://xieshang.example.cn', '1.1')).toThrow(/four parts/);
  });
});

/*
 * The produced manifest. No package here ships the add-in manifest XSDs (no *.xsd under
 * node_modules), so the schema check is structuralChecks plus the published schema's rules for what
 * the production step adds: TaskPaneAppVersionOverrides' VersionOverridesV1_0 is the sequence
 * Description, Requirements, Hosts, Resources, WebApplicationInfo
 * (https://learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/b6a2c332-efe1-4a90-861d-0baef8e43a18),
 * and WebApplicationInfo is Id (a UUID), Resource, Scopes with one or more Scope
 * (https://learn.microsoft.com/javascript/api/manifest/webapplicationinfo: "It must be the last child element").
 */
const ADDIN = 'https://xieshang.example.cn/pane/';
const FUNCTIONS = 'https://xieshang-fn.example.cn';
const CLIENT = '12345678-abcd-1234-efab-123456789abc';
const produce = (cloud: Cloud): string =>
  productionManifest(xml, {
    addin: ADDIN,
    api: FUNCTIONS,
    entra: { clientId: CLIENT, cloud },
    version: '1.0.1.0',
  });
const paneUrl = (cloud: Cloud): string =>
  `https://xieshang.example.cn/pane/taskpane.html?api=${encodeURIComponent(FUNCTIONS)}&cloud=${cloud}&client=${CLIENT}`;

structuralChecks('dist/manifest.xml for the China cloud', produce('china'), paneUrl('china'));
structuralChecks('dist/manifest.xml for the global cloud', produce('global'), paneUrl('global'));
structuralChecks(
  'dist/manifest.xml for pairing-code sign-in only',
  productionManifest(xml, { addin: ADDIN, api: FUNCTIONS, version: '1.0.1.0' }),
  `https://xieshang.example.cn/pane/taskpane.html?api=${encodeURIComponent(FUNCTIONS)}`,
);

describe('npm run manifest:prod, what it adds for a real deployment', () => {
  const prod = parseManifest(produce('china'));
  const overridesOf = pathIn(prod, 'VersionOverrides') as El;

  it('names the Entra app in WebApplicationInfo, the last child of VersionOverrides, for Office SSO', () => {
    expect(names(overridesOf).at(-1)).toBe('WebApplicationInfo');
    const info = child(overridesOf, 'WebApplicationInfo') as El;
    expect(names(info)).toEqual(['Id', 'Resource', 'Scopes']);
    expect(child(info, 'Id')?.text).toBe(CLIENT);
    // The Application ID URI on the add-in's own host (register-sso-add-in-aad-v2): api://<fqdn>/<app id>.
    expect(child(info, 'Resource')?.text).toBe(`api://xieshang.example.cn/${CLIENT}`);
    const scopes = child(info, 'Scopes') as El;
    expect(new Set(names(scopes))).toEqual(new Set(['Scope']));
    expect(scopes.children.map((c) => c.text)).toEqual(['openid', 'profile']);
    expect(produce('global')).toContain(`<Resource>api://xieshang.example.cn/${CLIENT}</Resource>`);
  });

  it('puts every URL on the add-in origin and leaves no localhost anywhere', () => {
    const text = produce('china');
    expect(text).not.toMatch(/localhost|127\.0\.0\.1/);
    const urls = all(prod).flatMap((e) =>
      e.attrs.DefaultValue?.startsWith('http') ? [e.attrs.DefaultValue] : [],
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u, u).toMatch(/^https:\/\/xieshang\.example\.cn\/pane\//);
    expect(pathIn(prod, 'Version')?.text).toBe('1.0.1.0');
  });

  it('gives every pane URL the functions (?api=) and the cloud (&cloud=), as the pane reads them', async () => {
    const pane = [
      pathIn(prod, 'DefaultSettings', 'SourceLocation')?.attrs.DefaultValue,
      all(overridesOf).find((e) => e.name === 'bt:Url' && e.attrs.id === 'Taskpane.Url')?.attrs.DefaultValue,
    ];
    for (const u of pane) {
      const query = new URL(u ?? '').searchParams;
      expect(query.get('api'), u).toBe(FUNCTIONS);
      expect(query.get('cloud'), u).toBe('china');
      expect(query.get('client'), u).toBe(CLIENT);
      expect(query.get('tenant'), u).toBeNull();
    }
    // addin/taskpane/index.tsx hands ?api= to the sync client as is: it must reach <functions>/api/<route>.
    const called: string[] = [];
    const client = createSyncApi({
      baseUrl: new URL(pane[0] ?? '').searchParams.get('api') ?? '',
      getToken: () => Promise.resolve('t'),
      fetch: (input) => {
        called.push(String(input));
        return Promise.reject(new Error('no network in this test'));
      },
    });
    await expect(client.reminders('u1')).rejects.toThrow();
    expect(called[0]).toMatch(new RegExp(`^${FUNCTIONS.replaceAll('.', '\\.')}/api/[^/]`));
  });

  it('names the tenant (&tenant=) when given, for the sign-in authority', () => {
    const one = productionManifest(xml, {
      addin: ADDIN,
      api: FUNCTIONS,
      entra: { clientId: CLIENT, cloud: 'china' },
      tenant: 'contoso.partner.onmschina.cn',
    });
    expect(one).toContain(`&amp;client=${CLIENT}&amp;tenant=contoso.partner.onmschina.cn"`);
  });

  it('differs between the clouds only in cloud=', () => {
    expect(produce('global')).toBe(produce('china').replaceAll('cloud=china', 'cloud=global'));
  });

  it('refuses what Office or the pane could not use, saying which option and why', () => {
    const opts = { addin: ADDIN, api: FUNCTIONS, entra: { clientId: CLIENT, cloud: 'china' as Cloud } };
    const refuse = (o: Partial<ProductionOptions>, why: RegExp): void =>
      void expect(() => productionManifest(xml, { ...opts, ...o })).toThrow(why);
    refuse({ addin: 'http://xieshang.example.cn' }, /https only/);
    refuse({ addin: 'xieshang.example.cn' }, /--addin .*not a URL/);
    refuse({ api: 'http://xieshang-fn.example.cn' }, /--api .*https only/);
    refuse({ tenant: 'contoso.cn/../common' }, /--tenant .*tenant id/);
    refuse(
      { entra: undefined, tenant: 'contoso.cn' } as Partial<ProductionOptions>,
      /--tenant needs --client-id/,
    );
    refuse({ api: 'https://xieshang-fn.example.cn/api' }, /--api .*trailing \/api/);
    refuse({ api: 'https://xieshang-fn.example.cn/?code=x' }, /--api .*without \? or #/);
    refuse({ entra: { clientId: 'xieshang', cloud: 'china' } }, /--client-id xieshang: .*GUID/);
    refuse({ entra: { clientId: CLIENT, cloud: 'azure' as Cloud } }, /--cloud azure: one of global, china/);
    expect(() => main([])).toThrow(/missing --addin, --api\nusage: npm run manifest:prod/);
    expect(() => main(['--addin', ADDIN, '--api', FUNCTIONS, '--cloud', 'china'])).toThrow(
      /--client-id and --cloud go together/,
    );
    expect(() => main(['--addin', ADDIN, '--bogus'])).toThrow(/'--bogus'[\s\S]*usage:/);
    expect(() => main([ADDIN])).toThrow(/every value is a named option/);
  });

  it('without an Entra app, writes a manifest for pairing-code sign-in only: no WebApplicationInfo, no client=', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'manifest.xml');
    expect(main(['--addin', ADDIN, '--api', FUNCTIONS, '--out', out])).toContain('pairing-code sign-in only');
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('WebApplicationInfo');
    const source = pathIn(parseManifest(text), 'DefaultSettings', 'SourceLocation')?.attrs.DefaultValue ?? '';
    expect([...new URL(source).searchParams.keys()]).toEqual(['api']);
    expect(text).toBe(
      produce('china')
        .replace(/\n\s*<WebApplicationInfo>[\s\S]*<\/WebApplicationInfo>/, '')
        .replace(/&amp;cloud=china&amp;client=[0-9a-f-]+/g, '')
        .replace('1.0.1.0', pathIn(parseManifest(xml), 'Version')?.text ?? ''),
    );
  });

  it('writes the manifest to --out from named options', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'sub', 'manifest.xml');
    const said = main([
      ...['--addin', ADDIN, '--api', FUNCTIONS, '--client-id', CLIENT.toUpperCase()],
      ...['--cloud', 'china', '--version', '1.0.1.0', '--out', out],
    ]);
    expect(said).toContain(out);
    expect(readFileSync(out, 'utf8')).toBe(produce('china'));
  });
});
