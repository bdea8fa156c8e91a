import { defineConfig } from 'vitest/config';

// One project per area, so a change can be tested where it lands: `npx vitest run --project pane`.
// `npm test` runs them all. Every test file belongs to exactly one project: test/house/projects.test.ts
// fails on a file no project includes (it would silently never run) or one that two projects include.
// Each project inherits the settings below (`extends: true`); the pane's React tests choose happy-dom
// per file with a `@vitest-environment` comment.
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        // The domain core and the house rules (lint, projects): fast, no host.
        test: { name: 'core', include: ['test/shared/**/*.test.ts', 'test/house/**/*.test.ts'] },
      },
      {
        extends: true,
        // The simulator, the Excel layer over it, the printed documents and the manifest.
        test: {
          name: 'excel',
          include: [
            'test/addin/simulator/**/*.test.ts',
            'test/addin/excel/**/*.test.ts',
            'test/addin/documents/**/*.test.ts',
            'test/manifest.test.ts',
          ],
        },
      },
      {
        extends: true,
        // The task pane and the preview page around it, the sync client, the pane's connection to the cloud,
        // the intake's encryption and keys.
        test: {
          name: 'pane',
          include: [
            'test/addin/taskpane/**/*.test.{ts,tsx}',
            'test/addin/preview/**/*.test.{ts,tsx}',
            'test/addin/sync/**/*.test.ts',
            'test/addin/cloud/**/*.test.ts',
            'test/addin/intake/**/*.test.ts',
            'test/addin/phone/**/*.test.{ts,tsx}',
          ],
        },
      },
      {
        extends: true,
        // The Azure Functions over a real Azurite per file.
        test: { name: 'functions', include: ['test/functions/**/*.test.ts'] },
      },
      {
        extends: true,
        // Outside processes: the built preview in Chromium, the workbook recomputed by LibreOffice.
        test: { name: 'slow', include: ['test/e2e/**/*.test.ts', 'test/formulas/**/*.test.ts'] },
      },
    ],
  },
});
