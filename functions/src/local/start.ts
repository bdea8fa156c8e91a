import type { AddressInfo } from 'node:net';
import { InvocationContext, type LogHandler } from '@azure/functions';
import { ROLES, type Role } from '../auth/caller';
import { signDevToken } from '../auth/devKey';
import { loadConfig, type Env } from '../config';
import { UNIT_ID } from '../http/define';
import { FUNCTIONS, TIMER_FUNCTIONS } from '../functionList';
import { servicesFromConfig, setServices } from '../services';
import { startAzurite, type AzuriteHandle } from './azurite';
import { createLocalHost } from './host';
import { everyDay, localTick } from './schedule';

/** Options of the local functions host. */
export interface LocalOptions {
  /** HTTP port on 127.0.0.1 (0: any free port). Default: XIESHANG_FUNCTIONS_PORT, else 7071. */
  readonly port?: number;
  /** Use this storage instead of starting Azurite. */
  readonly connectionString?: string;
  /** Table name prefix (default 'xs'). */
  readonly tablePrefix?: string;
  /** Run the timers on their schedules (the CLI does; tests and benchmarks don't). */
  readonly timers?: boolean;
  /** Settings on top of the environment (dev auth and loopback webhooks are on by default). */
  readonly env?: Env;
  readonly now?: () => Date;
  /** Log function output (default: only warnings and errors). */
  readonly verbose?: boolean;
}

/** A running local host. */
export interface LocalFunctions {
  /** Base URL, e.g. http://127.0.0.1:7071 (endpoints under /api). */
  readonly url: string;
  readonly port: number;
  readonly connectionString: string;
  stop(): Promise<void>;
}

/**
 * Starts Azurite (in memory, 127.0.0.1, a free port) and an HTTP server on 127.0.0.1 serving the
 * same registered handlers as Azure, with development tokens accepted unless Entra ID is configured.
 */
export async function startLocalFunctions(options: LocalOptions = {}): Promise<LocalFunctions> {
  const azurite: AzuriteHandle | null = options.connectionString ? null : await startAzurite();
  const connectionString = options.connectionString ?? (azurite as AzuriteHandle).connectionString;
  const env: Env = {
    XIESHANG_DEV_AUTH: '1',
    XIESHANG_ALLOW_LOOPBACK_WEBHOOKS: '1',
    ...process.env,
    ...options.env,
    XIESHANG_STORAGE: connectionString,
    XIESHANG_TABLE_PREFIX: options.tablePrefix ?? options.env?.XIESHANG_TABLE_PREFIX ?? 'xs',
  };
  const log: LogHandler = (level, ...args) => {
    if (options.verbose || level === 'warning' || level === 'error' || level === 'critical')
      console.error(`[${level}]`, ...args);
  };
  try {
    // What configuration refused (development auth on Azure) is said where the host logs.
    const config = loadConfig(env, (message) => log('warning', message));
    const services = servicesFromConfig(config, options.now);
    await services.store.ready();
    setServices(services);
    const auth = config.auth;
    const devToken = async (unit: string, role: string): Promise<string | null> =>
      auth.mode === 'dev' && UNIT_ID.test(unit) && ROLES.includes(role as Role)
        ? signDevToken({ sub: 'local-dev', roles: [role as Role], units: [unit] }, auth.secret)
        : null;
    // The task pane in Excel (https) and the preview page (http) during development.
    const corsOrigins = (env.XIESHANG_CORS_ORIGINS ?? 'https://localhost:3000,http://localhost:3000')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const server = createLocalHost(FUNCTIONS, {
      log,
      corsOrigins,
      ...(auth.mode === 'dev' ? { devToken } : {}),
    });
    const port = options.port ?? Number(env.XIESHANG_FUNCTIONS_PORT ?? 7071);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const actual = (server.address() as AddressInfo).port;
    const stopTimers = options.timers
      ? TIMER_FUNCTIONS.map((t) =>
          everyDay(t.schedule, async () => {
            await t.handler(
              localTick(new Date()),
              new InvocationContext({ functionName: t.name, logHandler: log }),
            );
          }),
        )
      : [];
    return {
      url: `http://127.0.0.1:${actual}`,
      port: actual,
      connectionString,
      async stop() {
        for (const s of stopTimers) s();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        setServices(undefined);
        await azurite?.stop();
      },
    };
  } catch (e) {
    await azurite?.stop();
    throw e;
  }
}
