// Attack class "scope" (issue 10): an admin scoped to one unit attaches it under any other unit as
// parent, and so writes into that unit's escalations and figures. Setting a parent needs scope over
// both units: 403 forbidden otherwise, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../../shared';
import { appeal, body, startHost, type ErrorBody, type SecurityHost } from './harness';

let host: SecurityHost;
const MINE = 'scope-mine';
const VICTIM = 'scope-victim';
const OTHER = 'scope-other';

beforeAll(async () => {
  host = await startHost();
  const root = await host.token('admin', [MINE, VICTIM, OTHER], 'root-admin');
  for (const u of [MINE, VICTIM, OTHER])
    expect((await host.configure(u, root, { name: u })).status).toBe(200);
});
afterAll(() => host?.stop());

describe('setting a parent unit', () => {
  it('an admin of one unit attaching it under a unit outside their scope → 403 forbidden, parent unchanged', async () => {
    const attacker = await host.token('admin', [MINE], 'mine-admin');
    const r = await host.configure<ErrorBody>(MINE, attacker, { parentId: VICTIM });
    expect(r.status, r.text.slice(0, 300)).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    // Escalating now must not reach the victim: the unit has no parent.
    const clerk = await host.token('clerk', [MINE]);
    expect((await host.sync(MINE, clerk, body([appeal('S-1')]))).status).toBe(200);
    const up = await host.escalate<ErrorBody>(MINE, clerk, { appealId: 'S-1', note: '' });
    expect(up.status).toBe(409);
    expect(up.body.error.code).toBe('no-parent');
    const victimChair = await host.token('chair', [VICTIM]);
    const v = await host.sync<SyncResponse>(VICTIM, victimChair, body([]));
    expect(v.body.escalations).toEqual([]);
  });

  it('the same with a name change in the same request: nothing of it is applied', async () => {
    const attacker = await host.token('admin', [MINE], 'mine-admin');
    const r = await host.configure<ErrorBody>(MINE, attacker, { name: '被改名', parentId: OTHER });
    expect(r.status).toBe(403);
    const root = await host.token('admin', [MINE], 'root-admin');
    const now = await host.configure<{ name: string; parentId?: string }>(MINE, root, {});
    expect(now.body.name).toBe(MINE);
    expect(now.body.parentId || null, 'no parent set').toBeNull();
  });

  it('an admin with scope over both units may set it (the refusal is about scope, not about parents)', async () => {
    const both = await host.token('admin', [MINE, OTHER], 'both-admin');
    const r = await host.configure<{ parentId?: string }>(MINE, both, { parentId: OTHER });
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.body.parentId).toBe(OTHER);
  });

  it('a chair or clerk of both units may not configure at all (403)', async () => {
    for (const role of ['chair', 'clerk'] as const) {
      const t = await host.token(role, [MINE, VICTIM]);
      expect((await host.configure(MINE, t, { parentId: VICTIM })).status).toBe(403);
    }
  });
});
