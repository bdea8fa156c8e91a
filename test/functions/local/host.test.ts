import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../shared';
import { signDevToken } from '../../../functions/src/auth/devKey';
import { freePort } from '../../../functions/src/local/freePort';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';

const SECRET = 'local-host-test-secret-0123456789abcdef';
let local: LocalFunctions;
let token: string;

beforeAll(async () => {
  local = await startLocalFunctions({ port: 0, env: { XIESHANG_DEV_SECRET: SECRET } });
  token = await signDevToken(
    { sub: 'clerk', roles: ['clerk'], units: ['u1'] },
    new TextEncoder().encode(SECRET),
  );
});
afterAll(() => local.stop());

const api = (path: string, init: RequestInit = {}) => fetch(`${local.url}/api/${path}`, init);
const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

describe('the local functions host', () => {
  it('serves the registered handlers on 127.0.0.1 with development tokens', async () => {
    expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await api('units/u1/reminders')).status).toBe(401);
    const r = await api('units/u1/sync', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        schemaVersion: SCHEMA_VERSION,
        records: [
          {
            register: 'appeals',
            key: 'L-1',
            changeId: 'l1',
            baseRevision: null,
            values: { id: 'L-1', content: '班车' },
          },
        ],
      }),
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { results: { status: string }[] };
    expect(body.results[0]?.status).toBe('applied');
    const rem = await api('units/u1/reminders', { headers: { authorization: `Bearer ${token}` } });
    expect(rem.status).toBe(200);
    expect(rem.headers.get('content-type')).toContain('application/json');
    expect((await api('units/u2/reminders', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      403,
    );
  });

  it('answers 413 above 1 MB, 404 off the routes, 405 for another method, and runs a timer on request', async () => {
    const big = JSON.stringify({ schemaVersion: SCHEMA_VERSION, pad: 'x'.repeat(1_100_000) });
    const r = await api('units/u1/sync', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: big,
    });
    expect(r.status).toBe(413);
    expect((await api('nothing/here')).status).toBe(404);
    expect((await api('units/u1/sync')).status).toBe(405);
    expect((await fetch(`${local.url}/admin/functions/aggregate`, { method: 'POST' })).status).toBe(202);
  });

  it('lets the task pane origin call it from a browser, and no other origin', async () => {
    const preflight = (origin: string) =>
      api('units/u1/sync', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const ok = await preflight('https://localhost:3000');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('runs as `serve:functions`: prints ready, and SIGTERM stops it and Azurite', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/serve-functions.ts'], {
      env: { ...process.env, XIESHANG_FUNCTIONS_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no ready line: ${out}`)), 30_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('ready')) {
          clearTimeout(t);
          resolve();
        }
      });
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    });
    expect(out).toContain(`http://127.0.0.1:${port}/api`);
    const azuritePort = Number(/Azurite tables: http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
    expect(await portOpen(azuritePort)).toBe(true);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await portOpen(port)).toBe(false);
    expect(await portOpen(azuritePort)).toBe(false);
  }, 40_000);
});
