// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // shared/ is the pure domain core: no host, cloud, DOM or Node-only imports.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
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
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'Excel',
        'Office',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
    },
  },
);
