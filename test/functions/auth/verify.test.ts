import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFromClaims } from '../../../functions/src/auth/caller';
import { DEV_AUDIENCE, DEV_ISSUER, devSecret, signDevToken } from '../../../functions/src/auth/devKey';
import { AuthError, createAuthenticator, type Authenticator } from '../../../functions/src/auth/verify';
import { authSettings, loadConfig } from '../../../functions/src/config';
import { startLoopback, type Loopback } from '../support';

const ISSUER = 'https://login.microsoftonline.com/tenant-1/v2.0';
const AUDIENCE = 'api://xieshang';
const claims = { roles: 'roles', units: 'xieshang_units' };

let server: Loopback;
let entra: Authenticator;
let key: CryptoKey;
let otherKey: CryptoKey;

// A loopback JWKS endpoint stands where Entra's discovery keys are: the verifier fetches it for real.
beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = await startLoopback((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  const jwksUrl = `${server.base}/keys`;
  entra = createAuthenticator({ mode: 'entra', issuer: ISSUER, audience: AUDIENCE, jwksUrl, claims });
});
afterAll(() => server.close());

const token = (
  o: {
    iss?: string;
    aud?: string;
    exp?: number | null;
    signer?: CryptoKey;
    roles?: unknown;
    units?: unknown;
  } = {},
) => {
  const jwt = new SignJWT({
    roles: o.roles ?? ['Xieshang.Clerk'],
    xieshang_units: o.units ?? 'u1 u2',
    oid: 'oid-1',
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(o.iss ?? ISSUER)
    .setAudience(o.aud ?? AUDIENCE)
    .setSubject('sub-1')
    .setIssuedAt();
  // exp: null leaves the claim out, as a hand-made token might.
  if (o.exp !== null) jwt.setExpirationTime(o.exp ?? Math.floor(Date.now() / 1000) + 600);
  return jwt.sign(o.signer ?? key);
};

const reason = async (auth: Authenticator, header: string | null) => {
  try {
    await auth.authenticate(header);
    return 'ok';
  } catch (e) {
    return e instanceof AuthError ? e.reason : `unexpected ${String(e)}`;
  }
};

describe('Entra ID tokens', () => {
  it('maps a valid token to a caller with its role and units', async () => {
    const caller = await entra.authenticate(`Bearer ${await token()}`);
    expect(caller).toEqual({ id: 'oid-1', roles: ['clerk'], units: ['u1', 'u2'], via: 'entra' });
  });

  it('refuses expired, wrong-audience, wrong-issuer and badly signed tokens', async () => {
    expect(await reason(entra, `Bearer ${await token({ exp: Math.floor(Date.now() / 1000) - 3600 })}`)).toBe(
      'expired',
    );
    expect(await reason(entra, `Bearer ${await token({ aud: 'api://someone-else' })}`)).toBe('invalid');
    expect(
      await reason(entra, `Bearer ${await token({ iss: 'https://login.microsoftonline.com/other/v2.0' })}`),
    ).toBe('invalid');
    expect(await reason(entra, `Bearer ${await token({ signer: otherKey })}`)).toBe('invalid');
  });

  // RFC 7519 §4.1.4 makes exp optional and jose checks it only when present
  // (https://github.com/panva/jose/blob/main/docs/jwt/verify/interfaces/JWTVerifyOptions.md#requiredclaims):
  // a token without it would never expire, so the verifier requires it.
  it('refuses a token without exp (issue 10: "A token without exp is accepted: require it")', async () => {
    expect(await reason(entra, `Bearer ${await token({ exp: null })}`)).toBe('invalid');
  });

  it('refuses a missing header, a token without a role, and a development token', async () => {
    expect(await reason(entra, null)).toBe('missing');
    expect(await reason(entra, 'Basic abc')).toBe('missing');
    expect(await reason(entra, `Bearer ${await token({ roles: ['Reader'] })}`)).toBe('no-role');
    const secret = new TextEncoder().encode('x'.repeat(40));
    const dev = await signDevToken({ sub: 'd', roles: ['admin'], units: ['*'] }, secret);
    expect(await reason(entra, `Bearer ${dev}`)).toBe('invalid');
  });
});

describe('development tokens and configuration', () => {
  const secret = new TextEncoder().encode('s'.repeat(40));
  const dev = createAuthenticator({ mode: 'dev', secret, claims });

  it('accepts its own tokens and refuses one signed with another key', async () => {
    const ok = await signDevToken({ sub: 'd', roles: ['chair'], units: ['u9'] }, secret);
    expect(await dev.authenticate(`Bearer ${ok}`)).toEqual({
      id: 'd',
      roles: ['chair'],
      units: ['u9'],
      via: 'dev',
    });
    const forged = await signDevToken(
      { sub: 'd', roles: ['admin'], units: ['*'] },
      new TextEncoder().encode('f'.repeat(40)),
    );
    expect(await reason(dev, `Bearer ${forged}`)).toBe('invalid');
  });

  it('refuses a development token without exp', async () => {
    const forever = await new SignJWT({ roles: ['admin'], xieshang_units: ['*'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('d')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .sign(secret);
    expect(await reason(dev, `Bearer ${forever}`)).toBe('invalid');
  });

  // App Service sets WEBSITE_INSTANCE_ID on every instance
  // (https://learn.microsoft.com/en-us/azure/app-service/reference-app-settings).
  it('refuses development auth on Azure (WEBSITE_INSTANCE_ID), logging why, whatever else is set', async () => {
    const onAzure = {
      XIESHANG_DEV_AUTH: '1',
      XIESHANG_DEV_SECRET: 'z'.repeat(40),
      WEBSITE_INSTANCE_ID: 'i-1',
    };
    const warnings: string[] = [];
    const config = loadConfig(onAzure, (m) => warnings.push(m));
    expect(config.auth.mode).toBe('none');
    expect(warnings.join('\n')).toMatch(/XIESHANG_DEV_AUTH.*WEBSITE_INSTANCE_ID/);
    const devToken = await signDevToken(
      { sub: 'd', roles: ['admin'], units: ['*'] },
      new TextEncoder().encode('z'.repeat(40)),
    );
    expect(await reason(createAuthenticator(config.auth, onAzure), `Bearer ${devToken}`)).toBe(
      'not-configured',
    );
    // Development settings built by hand still accept nothing on Azure.
    const handMade = createAuthenticator(
      { mode: 'dev', secret: new TextEncoder().encode('z'.repeat(40)), claims },
      { WEBSITE_INSTANCE_ID: 'i-1' },
    );
    expect(await reason(handMade, `Bearer ${devToken}`)).toBe('not-configured');
    // Nor will dev-token or anything else read or make a development key there.
    expect(() => devSecret(onAzure)).toThrow(/WEBSITE_INSTANCE_ID/);
    // With Entra configured on Azure, Entra is used.
    expect(
      authSettings(
        {
          ...onAzure,
          XIESHANG_AUTH_ISSUER: ISSUER,
          XIESHANG_AUTH_AUDIENCE: AUDIENCE,
          XIESHANG_AUTH_JWKS_URL: 'https://login.microsoftonline.com/tenant-1/discovery/v2.0/keys',
        },
        () => {},
      ).mode,
    ).toBe('entra');
  });

  it('refuses everything when no issuer is configured, and never mixes dev tokens with Entra', async () => {
    expect(await reason(createAuthenticator({ mode: 'none' }), 'Bearer x')).toBe('not-configured');
    expect(authSettings({}).mode).toBe('none');
    expect(authSettings({ XIESHANG_DEV_AUTH: '1', XIESHANG_DEV_SECRET: 'z'.repeat(40) }).mode).toBe('dev');
    const both = {
      XIESHANG_DEV_AUTH: '1',
      XIESHANG_AUTH_ISSUER: ISSUER,
      XIESHANG_AUTH_AUDIENCE: AUDIENCE,
      XIESHANG_AUTH_JWKS_URL: 'https://login.microsoftonline.com/tenant-1/discovery/v2.0/keys',
    };
    expect(authSettings(both).mode).toBe('entra');
  });

  it('grants every unit only to an administrator', () => {
    expect(callerFromClaims({ sub: 'a', roles: ['admin'], xieshang_units: ['*'] }, claims)?.units).toBe('*');
    expect(
      callerFromClaims({ sub: 'c', roles: ['clerk'], xieshang_units: ['*', 'u1'] }, claims)?.units,
    ).toEqual(['u1']);
  });
});
