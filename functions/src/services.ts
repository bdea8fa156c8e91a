import { createAuthenticator, type Authenticator } from './auth/verify';
import { loadConfig, type Config } from './config';
import type { WebhookOptions } from './delivery/post';
import { createStore, type Store } from './storage';

/** What every function needs: storage, token checking, the clock and webhook settings. */
export interface Services {
  readonly store: Store;
  readonly auth: Authenticator;
  readonly now: () => Date;
  readonly webhooks: WebhookOptions;
  /** The deployer's secret that may ask for the first administrator's pairing code (absent: refused). */
  readonly bootstrapSecret?: string | null;
}

/** Builds the services from configuration. */
export function servicesFromConfig(config: Config, now: () => Date = () => new Date()): Services {
  const connectionString = config.storage.connectionString;
  if (!connectionString)
    throw new Error('no storage configured: set XIESHANG_STORAGE or AzureWebJobsStorage');
  const store = createStore({ connectionString, prefix: config.storage.prefix, now });
  return {
    store,
    // Entra or development tokens per configuration, and the unit's pairing credentials beside them.
    auth: createAuthenticator(config.auth, config.webhooks.env ?? process.env, store.pairing, () =>
      now().getTime(),
    ),
    now,
    webhooks: { ...config.webhooks, fetch: globalThis.fetch },
    bootstrapSecret: config.bootstrapSecret,
  };
}

// Function hosts reuse a process for many invocations: clients are built once and kept.
let current: Services | undefined;

/** The services in force: set explicitly (tests, the local host) or built from the environment. */
export function getServices(): Services {
  return (current ??= servicesFromConfig(loadConfig(process.env)));
}

/** Replaces the services in force (undefined: rebuild from the environment on next use). */
export function setServices(services: Services | undefined): void {
  current = services;
}
