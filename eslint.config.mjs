// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The house rules below are enforced here and proven by test/house/lint.test.ts: each rule there has
// a snippet that must be reported and one that must not, so removing a rule fails the suite.

const SOURCES = ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'];

/** Only the Excel layer and the simulator (and the tests that drive them) may name the Excel API. */
const EXCEL_ALLOWED = [
  'addin/excel/**',
  'addin/simulator/**',
  'test/addin/excel/**',
  'test/addin/simulator/**',
];
const EXCEL_MESSAGE =
  'Only addin/excel/ and addin/simulator/ touch Excel.*: call an operation of addin/excel, or use the add-in’s own types.';
const excelGlobal = { name: 'Excel', message: EXCEL_MESSAGE };
// no-restricted-globals sees values only (Excel.run, Excel.SheetVisibility…); typescript-eslint's scope
// analysis does not report type references to a global namespace to it, so types are matched by syntax.
const excelTypeSyntax = [
  { selector: 'TSQualifiedName[left.type="Identifier"][left.name="Excel"]', message: EXCEL_MESSAGE },
  { selector: 'TSTypeQuery > Identifier.exprName[name="Excel"]', message: EXCEL_MESSAGE },
];

/** Table storage is reached through functions/src/storage/ alone, which owns keys, batching and retries. */
const azureTables = {
  name: '@azure/data-tables',
  message: 'Only functions/src/storage/ talks to Table storage: go through its functions.',
};
const TABLES_ALLOWED = [
  'functions/src/storage/**',
  // The cloud benchmark's baseline is straight upserts through the SDK, what storage/ is measured against.
  'bench/cloud.bench.ts',
];
/** The add-in ships to clerks: nothing of test/ (demo data lives in addin/demo/). */
const noTestImports = {
  regex: '^(?:\\.\\./)+test(?:/|$)',
  caseSensitive: true,
  message: 'The add-in may not import from test/: shared helpers belong in addin/ (demo data: addin/demo/).',
};
/** The add-in and the functions meet only in shared/ (the wire contract is shared/wire/). */
const noFunctionsImports = {
  regex: '^(?:\\.\\./)+functions(?:/|$)',
  caseSensitive: true,
  message: 'The add-in may not import the functions: the sync contract lives in shared/wire/.',
};
// no-restricted-imports does not look at import(): the same two rules for dynamic imports, by syntax.
const addinDynamicImportSyntax = [
  {
    selector: 'ImportExpression > Literal.source[value=/^(?:\\.\\.\\/)+test(?:\\/|$)/]',
    message: noTestImports.message,
  },
  {
    selector: 'ImportExpression > Literal.source[value=/^(?:\\.\\.\\/)+functions(?:\\/|$)/]',
    message: noFunctionsImports.message,
  },
];

/** shared/ is the pure domain core: no host, cloud, DOM or Node-only imports or globals. */
const sharedPatterns = [
  {
    group: [
      'node:*',
      'fs',
      'path',
      'os',
      'crypto',
      'child_process',
      'http',
      'https',
      'url',
      'util',
      'stream',
      'buffer',
    ],
    message: 'shared/ is pure: no Node-only imports.',
  },
  {
    group: [
      '@microsoft/office-js',
      'office-js',
      '@types/office-js',
      '@azure/*',
      'react',
      'react-dom',
      '@fluentui/*',
      'exceljs',
    ],
    message: 'shared/ is pure: no host, cloud or UI imports.',
  },
  {
    group: ['../addin/*', '../functions/*', '../../addin/*', '../../functions/*'],
    message: 'shared/ may not depend on the add-in or the functions.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['webpack.config.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: SOURCES,
    ignores: EXCEL_ALLOWED,
    rules: {
      'no-restricted-globals': ['error', excelGlobal],
      'no-restricted-syntax': ['error', ...excelTypeSyntax],
    },
  },
  {
    // A later block's no-restricted-syntax replaces an earlier one's: the add-in's lists both.
    files: ['addin/**'],
    ignores: EXCEL_ALLOWED,
    rules: { 'no-restricted-syntax': ['error', ...excelTypeSyntax, ...addinDynamicImportSyntax] },
  },
  {
    files: EXCEL_ALLOWED.filter((glob) => glob.startsWith('addin/')),
    rules: { 'no-restricted-syntax': ['error', ...addinDynamicImportSyntax] },
  },
  {
    // Each file gets one no-restricted-imports setting (a later block replaces an earlier one's), so
    // the areas below are disjoint and each lists every import rule that applies to it.
    files: SOURCES,
    ignores: [...TABLES_ALLOWED, 'addin/**', 'shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [azureTables] }] },
  },
  {
    files: ['addin/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [azureTables], patterns: [noTestImports, noFunctionsImports] },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: sharedPatterns }],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        excelGlobal,
        'Office',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
    },
  },
);
