/**
 * The add-in manifest, checked offline against what the add-in manifest schema (OfficeApp 1.1 and
 * TaskPaneAppVersionOverrides 1.0) requires of every element used here. `office-addin-manifest
 * validate` needs the internet; this runs anywhere.
 */
import { XMLParser } from 'fast-xml-parser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../scripts/manifest-for';

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

const xml = readFileSync('manifest.xml', 'utf8');
const parsed = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
}).parse(xml) as Raw[];
const root = parsed.map(toEl).find((e) => e?.name === 'OfficeApp') as El;
const all = (e: El): El[] => [e, ...e.children.flatMap(all)];
const child = (e: El | undefined, name: string): El | undefined => e?.children.find((c) => c.name === name);
const path = (...names: string[]): El | undefined =>
  names.reduce<El | undefined>((e, n) => child(e, n), root);
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

describe('manifest.xml, the base manifest', () => {
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
    expect(['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument']).toContain(
      path('Permissions')?.text,
    );
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
    expect(child(settings, 'SourceLocation')?.attrs.DefaultValue).toBe(
      'https://localhost:3000/taskpane.html',
    );
  });
});

const overrides = path('VersionOverrides') as El;
const resources = child(overrides, 'Resources') as El;
/** Resource id → its kind (bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings) and element. */
const resourceById = new Map(
  resources.children.flatMap((kind) =>
    kind.children.map((r) => [r.attrs.id ?? '', { kind: kind.name, el: r }] as const),
  ),
);

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

describe('manifest.xml, the ribbon button (VersionOverrides 1.0)', () => {
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

describe('manifest.xml, the requirement set', () => {
  it('declares exactly the highest ExcelApi version the add-in’s code uses', () => {
    const sets = path('Requirements', 'Sets')?.children ?? [];
    expect(sets.map((s) => s.attrs.Name)).toEqual(['ExcelApi']);
    const declared = Number((sets[0]?.attrs.MinVersion ?? '').split('.')[1]);
    const used = new Map<number, string>();
    for (const file of codeFiles('addin')) {
      const source = readFileSync(file, 'utf8');
      for (const [pattern, minor] of API_SETS)
        if (pattern.test(source) && !used.has(minor)) used.set(minor, file);
    }
    const needed = Math.max(1, ...used.keys());
    expect(`1.${declared}`, `ExcelApi 1.${needed} is needed by ${used.get(needed)}`).toBe(`1.${needed}`);
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
