// npm run build:functions — compiles the functions into CommonJS the Functions host loads:
//   dist/functions/index.js      (package.json "main"; `func start` at the repository root)
//   dist/functions-app/          (a self-contained folder to publish: host.json, package.json, the bundle)
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

/** Bundles functions/src/index.ts into one CommonJS file for Node 20. */
export async function buildFunctions(outfile = 'dist/functions/index.js'): Promise<void> {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: ['functions/src/index.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    // The worker provides @azure/functions-core; @azure/functions stays a real dependency so the
    // worker and the app share one programming-model instance. Everything else (jose is ESM-only) is bundled.
    external: ['@azure/functions', '@azure/functions-core'],
    logLevel: 'warning',
  });
}

async function main(): Promise<void> {
  await buildFunctions();
  mkdirSync('dist/functions-app/dist/functions', { recursive: true });
  copyFileSync('dist/functions/index.js', 'dist/functions-app/dist/functions/index.js');
  copyFileSync('host.json', 'dist/functions-app/host.json');
  writeFileSync(
    'dist/functions-app/package.json',
    `${JSON.stringify({ name: 'xieshang-functions', private: true, main: 'dist/functions/index.js', dependencies: { '@azure/functions': '^4.16.5' } }, null, 2)}\n`,
  );
  console.log('built dist/functions/index.js and dist/functions-app/');
}

if (/build-functions\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
