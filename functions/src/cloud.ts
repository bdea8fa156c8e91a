/**
 * Azure global or Azure China (operated by 21Vianet), chosen by XIESHANG_CLOUD: the two are
 * separate cloud instances with their own sign-in host and storage endpoint suffix, so one setting
 * decides both and a value belonging to the other cloud is refused at startup.
 */
import { ENTRA_GUID, ENTRA_LOGIN_HOSTS, type EntraCloud } from '../../shared';

/** The cloud instances the functions deploy to (the same two the manifest and the pane know). */
export type CloudName = EntraCloud;

/** What differs between the clouds for the functions. */
export interface CloudProfile {
  readonly name: CloudName;
  /** Microsoft Entra sign-in host: token issuer and signing keys (JWKS) live here, and only here. */
  readonly loginHost: string;
  /** Storage endpoint suffix (the connection string's EndpointSuffix). */
  readonly storageSuffix: string;
}

// Sign-in hosts: "Microsoft Entra authentication endpoints" table,
// https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud
// (global login.microsoftonline.com; China operated by 21Vianet login.partner.microsoftonline.cn).
// Storage suffixes: https://docs.azure.cn/en-us/storage/common/storage-powershell-independent-clouds
// (AzureChinaCloud core.chinacloudapi.cn; Azure public cloud core.windows.net).
const PROFILES: Readonly<Record<CloudName, CloudProfile>> = {
  global: { name: 'global', loginHost: ENTRA_LOGIN_HOSTS.global, storageSuffix: 'core.windows.net' },
  china: { name: 'china', loginHost: ENTRA_LOGIN_HOSTS.china, storageSuffix: 'core.chinacloudapi.cn' },
};

/** A setting that cannot be used: the host refuses to start rather than guess. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

const setting = (env: Env, name: string): string | undefined => env[name]?.trim() || undefined;

/** The cloud XIESHANG_CLOUD names (default global); anything else is a ConfigError. */
export function cloudProfile(env: Env): CloudProfile {
  const raw = setting(env, 'XIESHANG_CLOUD') ?? 'global';
  const name = raw.toLowerCase();
  if (name !== 'global' && name !== 'china') {
    throw new ConfigError(`XIESHANG_CLOUD=${raw} is not a known cloud: use "global" or "china"`);
  }
  return PROFILES[name];
}

// The tenant id: a v2.0 token's issuer names the tenant by its GUID, never by a domain
// (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference, "iss"), so an
// issuer derived from a domain would refuse every genuine token.
const TENANT = ENTRA_GUID;

/** Entra issuer and JWKS address: explicit settings win, else derived from XIESHANG_TENANT_ID on the cloud's host. */
export function entraEndpoints(
  env: Env,
  cloud: CloudProfile,
): { readonly issuer: string | undefined; readonly jwksUrl: string | undefined } {
  const tenant = setting(env, 'XIESHANG_TENANT_ID');
  if (tenant !== undefined && !TENANT.test(tenant)) {
    throw new ConfigError(
      `XIESHANG_TENANT_ID=${tenant} is not a tenant id: give the directory (tenant) id, a GUID, which tokens name in their issuer`,
    );
  }
  const base = tenant === undefined ? undefined : `https://${cloud.loginHost}/${tenant}`;
  const issuer = setting(env, 'XIESHANG_AUTH_ISSUER') ?? (base && `${base}/v2.0`);
  const jwksUrl = setting(env, 'XIESHANG_AUTH_JWKS_URL') ?? (base && `${base}/discovery/v2.0/keys`);
  if (issuer !== undefined) requireLoginHost('XIESHANG_AUTH_ISSUER', issuer, cloud);
  // The verifier fetches this address: only the chosen cloud's sign-in host is allowed.
  if (jwksUrl !== undefined) requireLoginHost('XIESHANG_AUTH_JWKS_URL', jwksUrl, cloud);
  return { issuer, jwksUrl };
}

function requireLoginHost(name: string, value: string, cloud: CloudProfile): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name}=${value} is not a URL`);
  }
  if (url.protocol !== 'https:' || url.host !== cloud.loginHost) {
    throw new ConfigError(
      `${name}=${value} is not on https://${cloud.loginHost}, the sign-in host of XIESHANG_CLOUD=${cloud.name}` +
        ' (set XIESHANG_CLOUD to the cloud the tenant lives in)',
    );
  }
}

/**
 * A storage connection string for XIESHANG_STORAGE_ACCOUNT and XIESHANG_STORAGE_KEY with the cloud's
 * endpoint suffix (XIESHANG_STORAGE_ENDPOINT_SUFFIX overrides it); undefined when no account is named.
 */
export function accountConnectionString(env: Env, cloud: CloudProfile): string | undefined {
  const account = setting(env, 'XIESHANG_STORAGE_ACCOUNT');
  if (account === undefined) return undefined;
  // Storage account names: 3-24 lowercase letters and digits.
  if (!/^[a-z0-9]{3,24}$/.test(account)) {
    throw new ConfigError(`XIESHANG_STORAGE_ACCOUNT=${account} is not a storage account name`);
  }
  const key = setting(env, 'XIESHANG_STORAGE_KEY');
  if (key === undefined)
    throw new ConfigError('XIESHANG_STORAGE_ACCOUNT is set without XIESHANG_STORAGE_KEY');
  const suffix = setting(env, 'XIESHANG_STORAGE_ENDPOINT_SUFFIX') ?? cloud.storageSuffix;
  return `DefaultEndpointsProtocol=https;AccountName=${account};AccountKey=${key};EndpointSuffix=${suffix}`;
}
