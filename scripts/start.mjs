// npm start. Until the task pane and the local functions host land, this runs the domain core on
// the demo company's workbook and prints what a clerk would see: the check and the quarter's figures.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

mkdirSync('dist/demo', { recursive: true });
const outfile = 'dist/demo/core-demo.mjs';
await build({
  entryPoints: ['scripts/core-demo.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
