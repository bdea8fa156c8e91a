import type { ClaimNames } from './auth/caller';
import { devSecret } from './auth/devKey';
import type { AuthSettings } from './auth/verify';
import type { WebhookOptions } from './delivery/post';
import { storageConnectionString } from './storage';

/** The process environment, or any map shaped like it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The functions' configuration, read from app settings (local.settings.json locally). */
export interface Config {
  readonly storage: { readonly connectionString: string | null; readonly prefix: string };
  readonly auth: AuthSettings;
  readonly webhooks: Omit<WebhookOptions, 'fetch'>;
}

const num = (v: string | undefined, fallback: number): number => {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

/**
 * Entra ID when its three settings are present; else development tokens when XIESHANG_DEV_AUTH=1;
 * else nothing is accepted. Development tokens are never accepted beside Entra ID.
 */
export function authSettings(env: Env): AuthSettings {
  const claims: ClaimNames = {
    roles: env.XIESHANG_ROLES_CLAIM || 'roles',
    units: env.XIESHANG_UNITS_CLAIM || 'xieshang_units',
  };
  const {
    XIESHANG_AUTH_ISSUER: issuer,
    XIESHANG_AUTH_AUDIENCE: audience,
    XIESHANG_AUTH_JWKS_URL: jwksUrl,
  } = env;
  if (issuer && audience && jwksUrl) return { mode: 'entra', issuer, audience, jwksUrl, claims };
  if (env.XIESHANG_DEV_AUTH === '1') return { mode: 'dev', secret: devSecret(env), claims };
  return { mode: 'none' };
}

/** Reads the configuration from the environment. */
export function loadConfig(env: Env): Config {
  return {
    storage: {
      connectionString: storageConnectionString(env),
      prefix: env.XIESHANG_TABLE_PREFIX || 'xs',
    },
    auth: authSettings(env),
    webhooks: {
      attempts: Math.max(1, num(env.XIESHANG_WEBHOOK_ATTEMPTS, 4)),
      baseDelayMs: num(env.XIESHANG_WEBHOOK_BASE_DELAY_MS, 2000),
      timeoutMs: num(env.XIESHANG_WEBHOOK_TIMEOUT_MS, 10_000),
      allowLoopbackHttp: env.XIESHANG_ALLOW_LOOPBACK_WEBHOOKS === '1',
    },
  };
}
