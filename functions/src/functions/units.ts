import type { UnitsResponse } from '../../../shared';
import { allowed } from '../auth/policy';
import { subtreeIds } from '../domain/orgTree';
import { httpFunction, registerHttp } from '../http/define';
import { HttpError, MESSAGES } from '../http/errors';

/**
 * GET /api/orgs/{orgId}/units: orgId and every unit below it (id, name, parent, last sync), for an
 * administrator setting parents from the pane. The configure right, not summary: the list is there
 * to attach units, and attaching needs configure over both units (policy.ts mayAttach), so each
 * unit says whether the caller holds that right over it; the group's figures (summary access) carry
 * the same names, levels and sync times for everyone else.
 */
export const unitsFunction = httpFunction({
  name: 'units',
  route: 'orgs/{orgId}/units',
  methods: ['GET'],
  access: 'configure',
  scope: 'orgId',
  async run({ services, caller, unitId }) {
    const units = await services.store.units.list();
    const byId = new Map(units.map((u) => [u.unitId, u]));
    if (!byId.has(unitId)) throw new HttpError(404, 'unknown-unit', MESSAGES.notFound);
    const body: UnitsResponse = {
      orgId: unitId,
      units: subtreeIds(units, unitId).map((id) => {
        const u = byId.get(id);
        return {
          unitId: id,
          name: u?.name ?? '',
          parentId: u?.parentId ?? '',
          lastSyncAt: u?.lastSyncAt ?? '',
          configurable: allowed(caller, 'configure', id),
        };
      }),
    };
    return { status: 200, jsonBody: body };
  },
});

registerHttp(unitsFunction);
