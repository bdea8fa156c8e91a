// npm run serve:functions — Azurite (in memory) plus the local functions host on 127.0.0.1:7071
// (XIESHANG_FUNCTIONS_PORT overrides), serving the same handlers as Azure; timers run on schedule.
// Other code (npm start, end-to-end tests) imports startLocalFunctions from here instead.
import { startLocalFunctions } from '../functions/src/local/start';

export { startLocalFunctions };
export type { LocalFunctions, LocalOptions } from '../functions/src/local/start';

async function main(): Promise<void> {
  const local = await startLocalFunctions({ timers: true, verbose: process.argv.includes('--verbose') });
  console.log(
    `Xieshang functions ready on ${local.url}/api (Azurite tables: ${local.connectionString.match(/TableEndpoint=([^;]+)/)?.[1]})`,
  );
  console.log('  a token: npm run dev-token -- --unit <unitId> --role clerk');
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the functions host and Azurite`);
    void local.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

// Run only as a script, not when imported.
if (/serve-functions\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
