import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signDevToken } from '../../../functions/src/auth/devKey';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';

// Issue 10: "Development auth is honoured by the Azure build: refuse it when running on Azure
// (WEBSITE_INSTANCE_ID)". App Service sets WEBSITE_INSTANCE_ID on every instance
// (https://learn.microsoft.com/en-us/azure/app-service/reference-app-settings).
const SECRET = 'azure-refusal-test-secret-0123456789abcdef';
let local: LocalFunctions;
const logged: string[] = [];

beforeAll(async () => {
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  });
  try {
    // The local host turns development auth on by default; WEBSITE_INSTANCE_ID must still win.
    local = await startLocalFunctions({
      port: 0,
      env: { XIESHANG_DEV_AUTH: '1', XIESHANG_DEV_SECRET: SECRET, WEBSITE_INSTANCE_ID: 'instance-1' },
    });
  } finally {
    spy.mockRestore();
  }
});
afterAll(() => local.stop());

describe('a host that finds itself on Azure', () => {
  it('logs why development auth is off, serves no /dev/token, and answers a development token 401', async () => {
    expect(logged.join('\n')).toMatch(/XIESHANG_DEV_AUTH=1 ignored.*WEBSITE_INSTANCE_ID/);
    expect((await fetch(`${local.url}/dev/token?unit=u1&role=admin`)).status).toBe(404);
    const token = await signDevToken(
      { sub: 'x', roles: ['admin'], units: ['*'] },
      new TextEncoder().encode(SECRET),
    );
    const r = await fetch(`${local.url}/api/units/u1/reminders`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('auth-not-configured');
  });
});
