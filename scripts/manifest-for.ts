/**
 * Writes dist/manifest.xml for a production host: every https://localhost:3000 URL of manifest.xml
 * moves to the given https origin (with an optional path), and nothing else changes.
 *   npx tsx scripts/manifest-for.ts https://xieshang.example.cn
 *   npx tsx scripts/manifest-for.ts https://intranet.example.cn/xieshang 1.0.1.0
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const DEV_ORIGIN = 'https://localhost:3000';

/** The manifest with its development origin replaced (and its version, when given). */
export function manifestFor(xml: string, origin: string, version?: string): string {
  const url = new URL(origin);
  if (url.protocol !== 'https:') throw new Error(`${origin}: Office loads add-ins over https only`);
  if (url.search || url.hash) throw new Error(`${origin}: give an origin and optional path, without ? or #`);
  if (version !== undefined && !/^\d{1,5}(\.\d{1,5}){3}$/.test(version))
    throw new Error(`${version}: the version has four parts, e.g. 1.0.1.0`);
  const base = `${url.origin}${url.pathname.replace(/\/$/, '')}`;
  const moved = xml.split(DEV_ORIGIN).join(base);
  return version ? moved.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`) : moved;
}

// Run as a command only: the manifest test imports manifestFor.
if (process.argv[1]?.endsWith('manifest-for.ts')) {
  const [origin, version] = process.argv.slice(2);
  if (!origin) {
    console.error('usage: npx tsx scripts/manifest-for.ts <https-origin> [four-part version]');
    process.exitCode = 1;
  } else {
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/manifest.xml', manifestFor(readFileSync('manifest.xml', 'utf8'), origin, version));
    console.log(`wrote dist/manifest.xml for ${origin}`);
  }
}
