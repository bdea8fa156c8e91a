/**
 * The house rules that eslint.config.mjs enforces, proven on small snippets linted at virtual paths
 * with the project's own configuration: each rule must report its snippet where it applies and stay
 * quiet where it does not, so deleting or loosening a rule fails here.
 */
import { ESLint, type Linter } from 'eslint';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: resolve(root, 'eslint.config.mjs') });
});

/** The messages of the house rules (import and global restrictions) for `code` linted as `path`. */
async function houseErrors(path: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  expect(result, path).toBeDefined();
  const messages = result?.messages ?? [];
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId?.startsWith('no-restricted-'));
}

const EXCEL_VALUE = `export async function f(): Promise<void> {\n  await Excel.run(async () => undefined);\n}\n`;
const EXCEL_TYPE = `export function f(range: Excel.Range): unknown {\n  return range;\n}\n`;
const EXCEL_TYPEOF = `export type Api = typeof Excel;\n`;
const EXCEL_ENUM = `export const hidden = Excel.SheetVisibility.hidden;\n`;

describe('only addin/excel/ and the simulator touch Excel.*', () => {
  const outside = [
    'addin/taskpane/steps/Example.tsx',
    'addin/sync/example.ts',
    'addin/cloud/example.ts',
    'addin/preview/example.ts',
    'addin/documents/example.ts',
    'functions/src/example.ts',
    'shared/example.ts',
    'bench/example.ts',
  ];

  it.each(outside)('reports a value use of Excel in %s', async (path) => {
    const errors = await houseErrors(path, EXCEL_VALUE);
    expect(errors.map((e) => [e.ruleId, e.line])).toEqual([['no-restricted-globals', 2]]);
    expect(errors[0]?.message).toMatch(/addin\/excel/);
  });

  it.each(outside)('reports an Excel type in %s', async (path) => {
    const errors = await houseErrors(path, EXCEL_TYPE);
    expect(errors.map((e) => [e.ruleId, e.line])).toEqual([['no-restricted-syntax', 1]]);
  });

  it('reports typeof Excel and an Excel enum outside the Excel layer', async () => {
    expect((await houseErrors('addin/taskpane/x.ts', EXCEL_TYPEOF)).map((e) => e.ruleId)).toEqual([
      'no-restricted-syntax',
    ]);
    expect((await houseErrors('addin/taskpane/x.ts', EXCEL_ENUM)).map((e) => e.ruleId)).toEqual([
      'no-restricted-globals',
    ]);
  });

  it('does not report a local binding that happens to be called Excel', async () => {
    const code = `import * as Excel from 'exceljs';\nexport const book = new Excel.Workbook();\n`;
    expect(await houseErrors('addin/taskpane/x.ts', code)).toEqual([]);
  });

  it.each([
    'addin/excel/example.ts',
    'addin/simulator/api/example.ts',
    'test/addin/excel/example.test.ts',
    'test/addin/simulator/example.test.ts',
  ])('allows Excel in %s', async (path) => {
    for (const code of [EXCEL_VALUE, EXCEL_TYPE, EXCEL_TYPEOF, EXCEL_ENUM])
      expect(await houseErrors(path, code)).toEqual([]);
  });
});

describe('the add-in imports nothing from test/', () => {
  it.each([
    ['addin/preview/demo.ts', `import { generateWorkbook } from '../../test/fixtures/generate';\n`],
    ['addin/taskpane/steps/X.tsx', `import type { Fate } from '../../../test/fixtures/generate';\n`],
    ['addin/excel/x.ts', `export { workbookOf } from '../../test/fixtures/workbook';\n`],
    ['addin/x.ts', `export * from '../test';\n`],
  ])('reports %s importing %s', async (path, code) => {
    const errors = await houseErrors(path, code + 'void 0;\n');
    expect(errors.map((e) => e.ruleId)).toEqual(['no-restricted-imports']);
    expect(errors[0]?.message).toMatch(/test\//);
  });

  it('allows tests and benchmarks to import the demo generator, and addin/ its own files', async () => {
    const generator = `import { generateWorkbook } from '../../addin/demo/generate';\nvoid generateWorkbook;\n`;
    expect(await houseErrors('test/shared/x.test.ts', generator)).toEqual([]);
    const local = `import { generateWorkbook } from '../demo/generate';\nimport { latest } from './test-data';\nvoid generateWorkbook;\nvoid latest;\n`;
    expect(await houseErrors('addin/preview/x.ts', local)).toEqual([]);
  });
});

describe('the add-in imports nothing from functions/', () => {
  it.each([
    ['addin/sync/x.ts', `import type { SyncResponse } from '../../functions/src/api/wire';\n`],
    [
      'addin/cloud/x.ts',
      `import { MAX_RECORDS } from '../../functions/src/sync/registers';\nvoid MAX_RECORDS;\n`,
    ],
    ['addin/sync/x.ts', `export type { PushRecord } from '../../functions/src/api/wire';\n`],
  ])('reports %s importing %s', async (path, code) => {
    const errors = await houseErrors(path, code);
    expect(errors.map((e) => e.ruleId)).toEqual(['no-restricted-imports']);
    expect(errors[0]?.message).toMatch(/shared\/wire/);
  });

  it('allows the add-in the wire contract from shared/', async () => {
    const code = `import { MAX_RECORDS, type SyncResponse } from '../../shared';\nexport type R = SyncResponse;\nvoid MAX_RECORDS;\n`;
    expect(await houseErrors('addin/sync/x.ts', code)).toEqual([]);
  });
});

describe('dynamic import() obeys the same add-in rules', () => {
  it.each([
    ['addin/preview/x.ts', `export const load = () => import('../../test/fixtures/workbook');\n`, /test\//],
    [
      'addin/excel/x.ts',
      `export const load = () => import('../../functions/src/services');\n`,
      /shared\/wire/,
    ],
    [
      'addin/taskpane/x.tsx',
      `export const load = () => import('../../functions/src/services');\n`,
      /shared\/wire/,
    ],
  ])('reports %s: %s', async (path, code, message) => {
    const errors = await houseErrors(path, code);
    expect(errors.map((e) => e.ruleId)).toEqual(['no-restricted-syntax']);
    expect(errors[0]?.message).toMatch(message);
  });

  it('keeps the Excel type rule beside it in the add-in, and allows a lazy import of its own code', async () => {
    const code = `export const load = () => import('../excel/setup');\nexport type R = Excel.Range;\n`;
    expect((await houseErrors('addin/taskpane/x.ts', code)).map((e) => [e.ruleId, e.line])).toEqual([
      ['no-restricted-syntax', 2],
    ]);
    expect(await houseErrors('addin/excel/x.ts', code)).toEqual([]);
  });
});

describe('only functions/src/storage/ imports @azure/data-tables', () => {
  const code = `import { odata } from '@azure/data-tables';\nvoid odata;\n`;

  it.each([
    'functions/src/functions/x.ts',
    'functions/src/sync/x.ts',
    'addin/cloud/x.ts',
    'test/functions/x.test.ts',
  ])('reports it in %s', async (path) => {
    const errors = await houseErrors(path, code);
    expect(errors.map((e) => e.ruleId)).toEqual(['no-restricted-imports']);
    expect(errors[0]?.message).toMatch(/functions\/src\/storage/);
  });

  it('allows it in functions/src/storage/', async () => {
    expect(await houseErrors('functions/src/storage/x.ts', code)).toEqual([]);
  });
});

describe('shared/ stays pure', () => {
  it.each([
    [`import { readFileSync } from 'node:fs';\nvoid readFileSync;\n`, /Node-only/],
    [`import { TableClient } from '@azure/data-tables';\nvoid TableClient;\n`, /host, cloud or UI/],
    [`import { useState } from 'react';\nvoid useState;\n`, /host, cloud or UI/],
    [
      `import { setUpWorkbook } from '../addin/excel/setup';\nvoid setUpWorkbook;\n`,
      /add-in or the functions/,
    ],
  ])('reports %s', async (code, message) => {
    const errors = await houseErrors('shared/x.ts', code);
    expect(errors.map((e) => e.ruleId)).toEqual(['no-restricted-imports']);
    expect(errors[0]?.message).toMatch(message);
  });

  it.each(['window', 'document', 'Office', 'process', 'Buffer'])('reports the global %s', async (name) => {
    const errors = await houseErrors('shared/x.ts', `export const g = ${name};\n`);
    expect(errors.map((e) => e.ruleId)).toEqual(['no-restricted-globals']);
  });

  it('still reports Excel there', async () => {
    expect((await houseErrors('shared/x.ts', EXCEL_VALUE)).map((e) => e.ruleId)).toEqual([
      'no-restricted-globals',
    ]);
  });
});
