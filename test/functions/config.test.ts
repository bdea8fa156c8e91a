// The SDK is asked directly on purpose: it, not this repository, turns EndpointSuffix into the table host.
// eslint-disable-next-line no-restricted-imports
import { TableClient } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/src/cloud';
import { loadConfig, type Env } from '../../functions/src/config';

// Sign-in hosts per cloud: https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud
// Storage suffixes per cloud: https://docs.azure.cn/en-us/storage/common/storage-powershell-independent-clouds
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const AUDIENCE = 'api://xieshang';
const quiet = (): void => {};
const load = (env: Env) => loadConfig(env, quiet);
const entra = (env: Env) => {
  const auth = load(env).auth;
  if (auth.mode !== 'entra') throw new Error(`expected Entra, got ${auth.mode}`);
  return auth;
};

describe('Azure global or Azure China by configuration (XIESHANG_CLOUD)', () => {
  it('derives the global issuer and JWKS from the tenant by default', () => {
    const auth = entra({ XIESHANG_TENANT_ID: TENANT, XIESHANG_AUTH_AUDIENCE: AUDIENCE });
    expect(auth.issuer).toBe(`https://login.microsoftonline.com/${TENANT}/v2.0`);
    expect(auth.jwksUrl).toBe(`https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`);
    expect(auth.audience).toBe(AUDIENCE);
  });

  it('derives the China (21Vianet) issuer and JWKS on login.partner.microsoftonline.cn', () => {
    const auth = entra({
      XIESHANG_CLOUD: 'china',
      XIESHANG_TENANT_ID: TENANT,
      XIESHANG_AUTH_AUDIENCE: AUDIENCE,
    });
    expect(auth.issuer).toBe(`https://login.partner.microsoftonline.cn/${TENANT}/v2.0`);
    expect(auth.jwksUrl).toBe(`https://login.partner.microsoftonline.cn/${TENANT}/discovery/v2.0/keys`);
  });

  it('lets explicit issuer and JWKS settings win over the derived ones', () => {
    const auth = entra({
      XIESHANG_CLOUD: 'china',
      XIESHANG_TENANT_ID: TENANT,
      XIESHANG_AUTH_AUDIENCE: AUDIENCE,
      XIESHANG_AUTH_ISSUER: 'https://login.partner.microsoftonline.cn/other-tenant/v2.0',
      XIESHANG_AUTH_JWKS_URL: 'https://login.partner.microsoftonline.cn/common/discovery/v2.0/keys',
    });
    expect(auth.issuer).toBe('https://login.partner.microsoftonline.cn/other-tenant/v2.0');
    expect(auth.jwksUrl).toBe('https://login.partner.microsoftonline.cn/common/discovery/v2.0/keys');
  });

  it('refuses an unknown cloud at startup, whatever else is set', () => {
    expect(() => load({ XIESHANG_CLOUD: 'usgov' })).toThrow(ConfigError);
    expect(() => load({ XIESHANG_CLOUD: 'azurechinacloud', XIESHANG_DEV_AUTH: '1' })).toThrow(
      /XIESHANG_CLOUD=azurechinacloud.*"global" or "china"/,
    );
  });

  it('refuses an issuer or JWKS address on the other cloud, or on any other host', () => {
    const china = { XIESHANG_CLOUD: 'china', XIESHANG_AUTH_AUDIENCE: AUDIENCE };
    expect(() =>
      load({
        ...china,
        XIESHANG_AUTH_ISSUER: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        XIESHANG_AUTH_JWKS_URL: `https://login.partner.microsoftonline.cn/${TENANT}/discovery/v2.0/keys`,
      }),
    ).toThrow(/XIESHANG_AUTH_ISSUER=.*login\.partner\.microsoftonline\.cn.*XIESHANG_CLOUD=china/);
    // Outbound key fetches are allowed to the chosen cloud's sign-in host only.
    expect(() =>
      load({
        XIESHANG_TENANT_ID: TENANT,
        XIESHANG_AUTH_AUDIENCE: AUDIENCE,
        XIESHANG_AUTH_JWKS_URL: 'https://keys.example.com/keys',
      }),
    ).toThrow(/XIESHANG_AUTH_JWKS_URL=.*login\.microsoftonline\.com/);
    expect(() =>
      load({
        XIESHANG_TENANT_ID: TENANT,
        XIESHANG_AUTH_AUDIENCE: AUDIENCE,
        XIESHANG_AUTH_JWKS_URL: `http://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
      }),
    ).toThrow(ConfigError);
    expect(() => load({ XIESHANG_TENANT_ID: 'evil.example/x?', XIESHANG_AUTH_AUDIENCE: AUDIENCE })).toThrow(
      /XIESHANG_TENANT_ID/,
    );
    // A domain would derive an issuer no v2.0 token carries (its iss names the tenant's GUID).
    expect(() =>
      load({ XIESHANG_TENANT_ID: 'contoso.partner.onmschina.cn', XIESHANG_AUTH_AUDIENCE: AUDIENCE }),
    ).toThrow(/not a tenant id: give the directory \(tenant\) id, a GUID/);
  });

  it('builds the storage connection string with the China endpoint suffix from an account name', () => {
    const env = {
      XIESHANG_CLOUD: 'china',
      XIESHANG_STORAGE_ACCOUNT: 'xsunion',
      XIESHANG_STORAGE_KEY: 'a2V5',
    };
    const cs = load({ ...env, AzureWebJobsStorage: 'UseDevelopmentStorage=true' }).storage.connectionString;
    expect(cs).toBe(
      'DefaultEndpointsProtocol=https;AccountName=xsunion;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn',
    );
    // The Tables SDK reads the suffix: the table endpoint is in China.
    expect(TableClient.fromConnectionString(cs as string, 'xsunits').url).toBe(
      'https://xsunion.table.core.chinacloudapi.cn',
    );
    expect(
      load({ XIESHANG_STORAGE_ACCOUNT: 'xsunion', XIESHANG_STORAGE_KEY: 'a2V5' }).storage.connectionString,
    ).toMatch(/;EndpointSuffix=core\.windows\.net$/);
    expect(() => load({ XIESHANG_STORAGE_ACCOUNT: 'xsunion' })).toThrow(/XIESHANG_STORAGE_KEY/);
  });

  it('uses a full connection string as given (it carries its own EndpointSuffix)', () => {
    const full =
      'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k;EndpointSuffix=core.chinacloudapi.cn';
    expect(
      load({ XIESHANG_CLOUD: 'china', XIESHANG_STORAGE: full, XIESHANG_STORAGE_ACCOUNT: 'other' }).storage
        .connectionString,
    ).toBe(full);
    expect(load({ XIESHANG_CLOUD: 'china', AzureWebJobsStorage: full }).storage.connectionString).toBe(full);
  });
});
