// Runs a benchmark from its production-like build: esbuild bundles the TypeScript entry (as the
// add-in's webpack build and the functions' compiled output do), so the figures measure our code
// and not a development loader's per-call module indirection.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { basename, join } from 'node:path';

const entry = process.argv[2];
if (!entry) throw new Error('usage: node bench/run.mjs bench/<name>.bench.ts');
const outdir = join('dist', 'bench');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, basename(entry).replace(/\.ts$/, '.mjs'));
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
