import type { CallerView } from '../../../shared';
import { httpFunction, registerHttp } from '../http/define';

/**
 * GET /api/units/{unitId}/me: who the functions take the caller for (how signed in, roles, units),
 * so the pane shows the right panels and a clerk can see which account or pairing is in use.
 */
export const meFunction = httpFunction({
  name: 'me',
  route: 'units/{unitId}/me',
  methods: ['GET'],
  access: 'identify',
  scope: 'unitId',
  async run({ caller }) {
    const view: CallerView = {
      via: caller.via ?? 'entra',
      id: caller.id,
      roles: [...caller.roles],
      units: caller.units === '*' ? '*' : [...caller.units],
    };
    return { status: 200, jsonBody: view, headers: { 'Cache-Control': 'no-store' } };
  },
});

registerHttp(meFunction);
