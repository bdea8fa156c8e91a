// The phone page's build (issue 14: "its own webpack entry; no external fonts or CDNs, it must load
// on a company intranet and in WeChat's in-app browser"): phone.html is made by every target,
// including the preview's dev server (http://localhost:3000/phone.html), without office.js; its
// template names no outside address; and its import graph reaches no package but React, zod and jose.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../../webpack.config.js') as (
  env: Record<string, string>,
  argv: Record<string, string>,
) => Promise<{
  entry: Record<string, string>;
  plugins: { userOptions?: { filename?: string; template?: string; chunks?: string[]; officeJs?: string } }[];
}>;

describe('the phone page in webpack.config.js', () => {
  for (const target of ['excel', 'local', 'preview'])
    it(`is built as phone.html for target=${target}, with its own chunk and no office.js`, async () => {
      const c = await config({ target }, { mode: 'production' });
      expect(c.entry['phone']).toBe('./addin/phone/index.tsx');
      const page = c.plugins.find((p) => p.userOptions?.filename === 'phone.html')?.userOptions;
      expect(page?.chunks).toEqual(['phone']);
      expect(page?.template).toBe('./addin/phone/index.html');
      // The template never writes the officeJs option into the page.
      expect(readFileSync(page?.template as string, 'utf8')).not.toMatch(/officeJs|office\.js/);
    });

  it('names no outside address (fonts, CDNs, scripts) in its page', () => {
    const html = readFileSync('addin/phone/index.html', 'utf8');
    expect(html).not.toMatch(/https?:\/\/|@import|url\(|<link|<script/);
  });
});

const ALLOWED = new Set(['react', 'react/jsx-runtime', 'react-dom/client', 'zod', 'jose']);

/** Every package the phone entry's own code imports (type-only imports aside), walking relative imports. */
function packagesOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm,
    )) {
      const [, typeOnly, spec] = m as unknown as [string, string | undefined, string];
      if (typeOnly) continue;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const candidates = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((x) => base + x);
      const found = candidates.find((f) => {
        try {
          readFileSync(f);
          return true;
        } catch {
          return false;
        }
      });
      if (!found) throw new Error(`${file}: cannot resolve ${spec}`);
      visit(found);
    }
  };
  visit(entry);
  return packages;
}

describe('the phone page’s dependencies', () => {
  it('reach React, zod and jose only: no Fluent UI, no office.js, no MSAL, no QR or Excel libraries', () => {
    const used = packagesOf(join('addin', 'phone', 'index.tsx'));
    expect([...used].filter((p) => !ALLOWED.has(p))).toEqual([]);
    // Both reached through the shared schemas and the envelope: the walk did follow the imports.
    expect(used.has('jose') && used.has('zod')).toBe(true);
  });
});
