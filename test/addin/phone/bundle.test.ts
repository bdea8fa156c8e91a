// The production bundles must parse on Safari before 16.4: WeChat on iPhone uses Safari's engine
// whatever the iOS version, and Office on older Macs runs the pane in the system's WebKit. Before 16.4
// a regex lookbehind `(?<=…)` / `(?<!…)` is a syntax error ("Invalid regular expression: invalid group
// specifier name") that stops the whole script, not just the one pattern. Support arrived in 16.4:
// https://developer.apple.com/documentation/safari-release-notes/safari-16_4-release-notes, as
// https://bugzilla.mozilla.org/show_bug.cgi?id=1829583 records ("The first safari version with support
// is 16.4"). shared/wire/schema.ts and shared/privacy/freeText.ts once held such patterns; this builds
// the production excel target and reads every script it emits, so none can come back unnoticed, in
// our code or a package's, as a literal or as a string given to new RegExp.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Config = Record<string, unknown>;
const config = require('../../../webpack.config.js') as (
  env: Record<string, string>,
  argv: Record<string, string>,
) => Promise<Config>;
const webpack = require('webpack') as (c: Config, done: (e: Error | null, s?: WebpackStats) => void) => void;
interface WebpackStats {
  hasErrors(): boolean;
  toString(o: string): string;
}

/**
 * A lookbehind opener as a script can spell it: `(?<=` / `(?<!` in a literal or a string, `<` also
 * as the escapes a minifier or a string may use (\x3c, \u003c, \u{3c}), and `(` escaped in a string
 * source (`\(` stays a group only in a literal, but `(?\x3c!` is one in a RegExp string).
 */
const LOOKBEHIND = /\(\?(?:<|\\x3[cC]|\\u003[cC]|\\u\{3[cC]\})[=!]/;

let out = '';
let scripts: Record<string, string> = {};

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'phone-bundle-'));
  const c = await config({ target: 'excel', out }, { mode: 'production' });
  // Source maps only slow this down; the scripts are the same without them.
  const stats = await new Promise<WebpackStats>((resolve, reject) =>
    webpack({ ...c, devtool: false }, (e, s) => (e || !s ? reject(e ?? new Error('no stats')) : resolve(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  scripts = Object.fromEntries(
    readdirSync(out)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, readFileSync(join(out, f), 'utf8')]),
  );
}, 600_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the production bundles on Safari before 16.4 (WeChat on iPhone, Office on older Macs)', () => {
  it('knows a lookbehind however the script spells it, and a named group or lookahead is not one', () => {
    for (const s of ['/(?<!\\d)1/', '"(?<=a)b"', '"(?\\x3c!x)"', '"(?\\u003c=x)"', '"(?\\u{3C}!x)"'])
      expect(s).toMatch(LOOKBEHIND);
    for (const s of ['/(?<year>\\d{4})/', '/a(?!b)/', '/a(?=b)/', '"x<=y"', 'a?<!b'])
      expect(s).not.toMatch(LOOKBEHIND);
  });

  it('builds the phone page and the task pane', () => {
    const names = Object.keys(scripts);
    expect(names.some((f) => /^phone\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(names.some((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
  });

  it('emits no regex lookbehind in any script (phone, task pane and their chunks)', () => {
    const found = Object.entries(scripts).flatMap(([file, text]) => {
      const m = new RegExp(LOOKBEHIND.source, 'g');
      return [...text.matchAll(m)].map(
        (x) => `${file}: …${text.slice(Math.max(0, x.index - 60), x.index + 40)}…`,
      );
    });
    expect(found).toEqual([]);
  });
});
