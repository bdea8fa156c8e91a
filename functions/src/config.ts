import type { ClaimNames } from './auth/caller';
import { DEV_AUTH_ON_AZURE, devSecret, runningOnAzure } from './auth/devKey';
import type { AuthSettings } from './auth/verify';
import { accountConnectionString, cloudProfile, entraEndpoints } from './cloud';
import type { WebhookOptions } from './delivery/post';
import { storageConnectionString } from './storage';

/** The process environment, or any map shaped like it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The functions' configuration, read from app settings (local.settings.json locally). */
export interface Config {
  readonly storage: { readonly connectionString: string | null; readonly prefix: string };
  readonly auth: AuthSettings;
  readonly webhooks: Omit<WebhookOptions, 'fetch'>;
  /** The deployer's secret for the first administrator's pairing code; null: bootstrap refused. */
  readonly bootstrapSecret: string | null;
}

/** The shortest bootstrap secret accepted: 32 characters (`openssl rand -base64 32` gives 44). */
export const MIN_BOOTSTRAP_SECRET = 32;

/**
 * XIESHANG_PAIRING_BOOTSTRAP_SECRET when long enough; a short one is refused (logged), never
 * padded or defaulted: with no usable secret the bootstrap endpoint answers 403.
 */
export function bootstrapSecret(env: Env, warn: ConfigWarn = consoleWarn): string | null {
  const secret = env.XIESHANG_PAIRING_BOOTSTRAP_SECRET?.trim();
  if (!secret) return null;
  if (secret.length < MIN_BOOTSTRAP_SECRET) {
    warn(
      `XIESHANG_PAIRING_BOOTSTRAP_SECRET ignored: it has ${secret.length} characters, at least ${MIN_BOOTSTRAP_SECRET} are needed (openssl rand -base64 32)`,
    );
    return null;
  }
  return secret;
}

const num = (v: string | undefined, fallback: number): number => {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

/** Where configuration says what it refused (the Functions host's log; the local host passes its own). */
export type ConfigWarn = (message: string) => void;

// On Azure, console output is the host's log (Application Insights traces).
const consoleWarn: ConfigWarn = (message) => console.warn(message);

/**
 * Entra ID when issuer, audience and JWKS address are known (issuer and JWKS derive from
 * XIESHANG_TENANT_ID on XIESHANG_CLOUD's sign-in host unless set; a host of another cloud is a
 * ConfigError); else development tokens when XIESHANG_DEV_AUTH=1
 * and not on Azure; else nothing is accepted. Development tokens are never accepted beside Entra
 * ID, nor on Azure (WEBSITE_INSTANCE_ID set), where asking for them is logged and ignored.
 */
export function authSettings(env: Env, warn: ConfigWarn = consoleWarn): AuthSettings {
  const claims: ClaimNames = {
    roles: env.XIESHANG_ROLES_CLAIM || 'roles',
    units: env.XIESHANG_UNITS_CLAIM || 'xieshang_units',
  };
  const { issuer, jwksUrl } = entraEndpoints(env, cloudProfile(env));
  const audience = env.XIESHANG_AUTH_AUDIENCE?.trim();
  if (issuer && audience && jwksUrl) return { mode: 'entra', issuer, audience, jwksUrl, claims };
  if (env.XIESHANG_DEV_AUTH === '1') {
    if (runningOnAzure(env)) {
      warn(`XIESHANG_DEV_AUTH=1 ignored: ${DEV_AUTH_ON_AZURE}`);
      return { mode: 'none', reason: DEV_AUTH_ON_AZURE };
    }
    return { mode: 'dev', secret: devSecret(env), claims };
  }
  return { mode: 'none' };
}

/**
 * Reads the configuration from the environment; `warn` hears what was refused. Throws ConfigError
 * for a setting that cannot be used (an unknown XIESHANG_CLOUD, a host of the other cloud).
 */
export function loadConfig(env: Env, warn: ConfigWarn = consoleWarn): Config {
  const cloud = cloudProfile(env);
  // XIESHANG_STORAGE is explicit; a named account comes before AzureWebJobsStorage, which the
  // Functions host always has. A full connection string carries its own EndpointSuffix.
  const connectionString = env.XIESHANG_STORAGE?.trim()
    ? storageConnectionString(env)
    : (accountConnectionString(env, cloud) ?? storageConnectionString(env));
  return {
    storage: {
      connectionString,
      prefix: env.XIESHANG_TABLE_PREFIX || 'xs',
    },
    auth: authSettings(env, warn),
    webhooks: {
      attempts: Math.max(1, num(env.XIESHANG_WEBHOOK_ATTEMPTS, 4)),
      baseDelayMs: num(env.XIESHANG_WEBHOOK_BASE_DELAY_MS, 2000),
      timeoutMs: num(env.XIESHANG_WEBHOOK_TIMEOUT_MS, 10_000),
      allowLoopbackHttp: env.XIESHANG_ALLOW_LOOPBACK_WEBHOOKS === '1',
      // XIESHANG_SECRETS_KEY and WEBSITE_INSTANCE_ID are read from here (the local host's own settings too).
      env,
    },
    bootstrapSecret: bootstrapSecret(env, warn),
  };
}
