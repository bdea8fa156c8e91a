import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const sharedDir = join(root, 'shared');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
// Packages that are themselves pure (no host, DOM or Node): the wire contract is a Zod schema.
const PURE_PACKAGES = new Set(['zod']);
const HOST_GLOBALS = /\b(?:window|document|Excel|Office|process|Buffer|require|__dirname)\s*[.([]/;

describe('shared/ is the pure domain core', () => {
  const sources = files(sharedDir);

  it('has sources to check', () => expect(sources.length).toBeGreaterThan(10));

  it.each(sources.map((f) => [relative(root, f), f]))(
    '%s imports only other files of shared/ (and zod)',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = (m[1] ?? m[2]) as string;
        if (PURE_PACKAGES.has(spec)) continue;
        expect(spec.startsWith('.'), `${file} imports ${spec}`).toBe(true);
        const target = resolve(join(file, '..'), spec);
        expect(target.startsWith(sharedDir), `${file} reaches outside shared/: ${spec}`).toBe(true);
      }
    },
  );

  it.each(sources.map((f) => [relative(root, f), f]))(
    '%s uses no host, DOM or Node global',
    (_name, file) => {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
      expect(HOST_GLOBALS.exec(code)?.[0]).toBeUndefined();
    },
  );

  it('every export of shared/index.ts carries a one-line TSDoc', () => {
    const lines = readFileSync(join(sharedDir, 'index.ts'), 'utf8').split('\n');
    const exports = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('export '));
    expect(exports.length).toBeGreaterThan(30);
    for (const [line, i] of exports) expect(lines[i - 1], line).toMatch(/^\/\*\* .+ \*\/$/);
  });

  it('exports the calendar functions outside checks call', async () => {
    const core = await import('../../shared');
    for (const name of ['addWorkingDays', 'isWorkingDay', 'workingDaysBetween', 'hasYearSchedule']) {
      expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
    }
    expect(core.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });
});
