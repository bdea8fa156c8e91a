import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../shared';
import type { Role } from '../../../functions/src/auth/caller';
import { signDevToken } from '../../../functions/src/auth/devKey';
import { escalationsFunction } from '../../../functions/src/functions/escalations';
import { intakeKeyFunction, intakeListFunction } from '../../../functions/src/functions/intake';
import { remindersFunction } from '../../../functions/src/functions/reminders';
import { summaryFunction } from '../../../functions/src/functions/summary';
import { syncFunction } from '../../../functions/src/functions/sync';
import { unitConfigFunction } from '../../../functions/src/functions/unitConfig';
import { unitsFunction } from '../../../functions/src/functions/units';
import type { HttpEntry } from '../../../functions/src/http/define';
import { call, startEnv, TEST_SECRET, tokenFor, type TestEnv } from '../support';

let env: TestEnv;
const appeal = {
  id: 'A-1',
  intakeMethod: '电话',
  receivedOn: '2025-05-06',
  category: '生活保障类',
  content: '班车',
};

beforeAll(async () => {
  env = await startEnv();
  const { store } = env.services;
  for (const unit of ['own', 'other']) {
    await store.units.configure(unit, { name: unit, parentId: 'grp' });
    await store.records.commit(
      unit,
      [
        {
          register: 'appeals',
          key: 'A-1',
          changeId: 'seed',
          baseRevision: null,
          values: appeal,
          deleted: false,
        },
      ],
      { id: 'seed', roles: [] },
      'seed',
    );
  }
});
afterAll(() => env.stop());

// A P-256 public key and its RFC 7638 SHA-256 thumbprint (made once with jose for this table).
const INTAKE_KEY = {
  publicJwk: {
    kty: 'EC',
    crv: 'P-256',
    x: 'K--gfGdE9IKHhQ8oDhtp0K1nbBtNoWY--rDDrrDBmp8',
    y: '4R32Yg3aadtTNn4FBw8fG9XxDuhLsBhZQhaA3HqRTsE',
  },
  kid: 'zCTqYwATRUMeY4iQDnIPskRzZLyvEbFS8iQOz83mqoE',
  form: { workshops: ['一车间'], categories: [] },
};

interface Endpoint {
  readonly entry: HttpEntry;
  readonly ok: number;
  readonly body?: unknown;
  readonly query?: Record<string, string>;
}

const ENDPOINTS: Record<string, Endpoint> = {
  sync: { entry: syncFunction, ok: 200, body: { schemaVersion: SCHEMA_VERSION } },
  reminders: { entry: remindersFunction, ok: 200 },
  escalations: { entry: escalationsFunction, ok: 201, body: { appealId: 'A-1' } },
  summary: { entry: summaryFunction, ok: 200, query: { year: '2025' } },
  config: { entry: unitConfigFunction, ok: 200, body: { name: '本单位' } },
  units: { entry: unitsFunction, ok: 200 },
  intakeKey: { entry: intakeKeyFunction, ok: 200, body: INTAKE_KEY },
  intakeList: { entry: intakeListFunction, ok: 200 },
};

// Written out by hand, not derived from the policy table, so a change to either shows here.
const MAY: Record<Role, readonly string[]> = {
  clerk: ['sync', 'reminders', 'escalations', 'summary', 'intakeKey', 'intakeList'],
  chair: ['sync', 'reminders', 'escalations', 'summary', 'intakeKey', 'intakeList'],
  management: ['summary'],
  admin: ['sync', 'reminders', 'escalations', 'summary', 'config', 'units', 'intakeKey', 'intakeList'],
};

const invoke = (name: string, unit: string, token?: string) => {
  const e = ENDPOINTS[name] as Endpoint;
  const params: Record<string, string> = e.entry.scope === 'orgId' ? { orgId: unit } : { unitId: unit };
  return call(e.entry, { params, body: e.body, query: e.query, ...(token ? { token } : {}) });
};

describe('the auth matrix: each role × each endpoint × own and other unit', () => {
  for (const role of ['clerk', 'chair', 'management', 'admin'] as const) {
    for (const name of Object.keys(ENDPOINTS)) {
      it(`${role} → ${name}`, async () => {
        const token = await tokenFor(role, ['own']);
        const own = await invoke(name, 'own', token);
        const other = await invoke(name, 'other', token);
        expect(own.status).toBe(MAY[role].includes(name) ? (ENDPOINTS[name] as Endpoint).ok : 403);
        expect(other.status).toBe(403);
      });
    }
  }
});

describe('no data without a valid token', () => {
  it('answers 401 to a missing, expired or forged token on every endpoint', async () => {
    const expired = await signDevToken(
      { sub: 'x', roles: ['admin'], units: ['own'], expiresIn: '-2h' },
      TEST_SECRET,
    );
    const forged = await signDevToken(
      { sub: 'x', roles: ['admin'], units: ['own'] },
      new TextEncoder().encode('n'.repeat(64)),
    );
    for (const name of Object.keys(ENDPOINTS)) {
      for (const token of [undefined, expired, forged]) {
        const r = await invoke(name, 'own', token);
        expect(r.status, `${name} ${token ? 'bad token' : 'no token'}`).toBe(401);
        expect(r.headers.get('www-authenticate')).toContain('Bearer');
      }
    }
  });

  it('lets an administrator with every unit act anywhere', async () => {
    const token = await tokenFor('admin', ['*']);
    expect((await invoke('reminders', 'other', token)).status).toBe(200);
  });
});
