/**
 * The vitest projects cover every test file exactly once: a file that no project includes would never
 * run (and `npm test` would still pass), one that two include would run twice. Vitest itself says
 * which files each project holds (`vitest list`), so this checks the real resolution, not a copy of
 * the globs; the README's list of projects is checked against the config too.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', 'test-results']);
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;

/** Every file in the repository that vitest's default naming would treat as a test. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return TEST_FILE.test(entry.name) ? [relative(root, path)] : [];
  });
}

/** The files of each project as vitest resolves them, without running any. */
function listed(): { file: string; project: string }[] {
  const env = { ...process.env };
  // This runs inside vitest: the child must not believe it is one of our workers.
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST') delete env[key];
  const out = execFileSync(
    process.execPath,
    [join(root, 'node_modules/vitest/vitest.mjs'), 'list', '--filesOnly', '--json'],
    { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const rows = JSON.parse(out) as { file: string; projectName?: string }[];
  return rows.map((r) => ({ file: relative(root, r.file), project: r.projectName ?? '' }));
}

describe('vitest projects', () => {
  const rows = listed();
  const PROJECTS = ['core', 'excel', 'pane', 'functions', 'slow'];

  it('are the documented five, each with files', () => {
    expect([...new Set(rows.map((r) => r.project))].sort()).toEqual([...PROJECTS].sort());
  });

  it('hold every test file of the repository', () => {
    const all = testFiles(root);
    expect(all.length).toBeGreaterThan(50);
    const covered = new Set(rows.map((r) => r.file));
    expect(all.filter((f) => !covered.has(f))).toEqual([]);
  });

  it('hold each test file once', () => {
    const seen = new Map<string, string[]>();
    for (const r of rows) seen.set(r.file, [...(seen.get(r.file) ?? []), r.project]);
    expect([...seen].filter(([, projects]) => projects.length > 1)).toEqual([]);
  });

  it('put the slow suites (browser, LibreOffice) and Azurite apart from the quick ones', () => {
    const projectOf = new Map(rows.map((r) => [r.file, r.project]));
    expect(projectOf.get('test/e2e/preview.e2e.test.ts')).toBe('slow');
    expect(projectOf.get('test/formulas/libreoffice.test.ts')).toBe('slow');
    expect(projectOf.get('test/functions/storage/records.test.ts')).toBe('functions');
    expect(projectOf.get('test/shared/purity.test.ts')).toBe('core');
  });

  it('are each named in the README with the command that runs one', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const name of PROJECTS) expect(readme).toMatch(new RegExp(`--project ${name}\\b`));
  });
});
