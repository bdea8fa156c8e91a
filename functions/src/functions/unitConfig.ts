import { app } from '@azure/functions';
import { say } from '../../../shared';
import { maskChannel, parseChannels } from '../delivery/channels';
import { wouldCycle } from '../domain/orgTree';
import { readJson } from '../http/body';
import { httpFunction, UNIT_ID } from '../http/define';
import { invalidBody } from '../http/errors';
import { underFunctionsHost } from '../http/runtime';
import type { UnitPatch } from '../storage';
import { isObject, noOtherKeys, optionalString, Problems } from '../util/problems';

/**
 * PUT /api/units/{unitId}/config (administrators): the unit's name, its parent in the unit tree and
 * its reminder channels. Not one of the four endpoints the add-in uses: it is how the tree and the
 * robots get configured at all, and every change is audited.
 */
export const unitConfigFunction = httpFunction({
  name: 'unit-config',
  route: 'units/{unitId}/config',
  methods: ['PUT'],
  access: 'configure',
  scope: 'unitId',
  async run({ request, services, caller, unitId }) {
    const body = await readJson(request);
    const p = new Problems();
    if (!isObject(body)) throw invalidBody([{ path: '$', message: say('应为对象', 'expected an object') }]);
    noOtherKeys(body, ['name', 'parentId', 'channels'], '$', p);
    const name = optionalString(body, 'name', '$', p, 100);
    const parentId = optionalString(body, 'parentId', '$', p, 64);
    if (parentId && (!UNIT_ID.test(parentId) || parentId === unitId))
      p.add('parentId', say('上级单位代码无效', 'invalid parent unit id'));
    if (parentId && p.ok && wouldCycle(await services.store.units.list(), unitId, parentId))
      p.add('parentId', say('不能把下级单位设为上级', 'a unit cannot sit below its own descendant'));
    const channels =
      body.channels === undefined
        ? undefined
        : parseChannels(body.channels, 'channels', p, services.webhooks.allowLoopbackHttp);
    if (!p.ok) throw invalidBody(p.list);
    const patch: UnitPatch = {
      ...(name !== undefined ? { name } : {}),
      ...(parentId !== undefined ? { parentId } : {}),
      ...(channels !== undefined ? { channels } : {}),
    };
    const profile = await services.store.units.configure(unitId, patch);
    await services.store.audit.write(unitId, caller, 'unit.configure', {
      ...patch,
      ...(channels ? { channels: channels.map(maskChannel) } : {}),
    });
    return { status: 200, jsonBody: { ...profile, channels: profile.channels.map(maskChannel) } };
  },
});

if (underFunctionsHost()) {
  app.http(unitConfigFunction.name, {
    route: unitConfigFunction.route,
    methods: [...unitConfigFunction.methods],
    authLevel: 'anonymous',
    handler: unitConfigFunction.handler,
  });
}
