import { say, unitConfigRequestSchema } from '../../../shared';
import { mayAttach } from '../auth/policy';
import { channelListSchema, maskChannel, refuseBadWebhooks, sealChannels } from '../delivery/channels';
import { wouldCycle } from '../domain/orgTree';
import { readJson } from '../http/body';
import { httpFunction, registerHttp } from '../http/define';
import { HttpError, invalidBody, parseWire } from '../http/errors';
import type { UnitPatch } from '../storage';

const PARENT_OUT_OF_SCOPE = say(
  '无权把本单位挂到该上级单位之下：需要同时管理两个单位',
  'you may not attach this unit under that parent: it needs scope over both units',
);

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
    const { name, parentId, channels } = parseWire(
      unitConfigRequestSchema.extend({ channels: channelListSchema.optional() }),
      await readJson(request),
    );
    if (parentId === unitId)
      throw invalidBody([{ path: 'parentId', message: say('上级单位代码无效', 'invalid parent unit id') }]);
    // A parent sees its children's escalations and figures: attaching a unit under another is an
    // act on both. Checked before the tree is read, so the answer says nothing about other units.
    if (parentId && !mayAttach(caller, unitId, parentId))
      throw new HttpError(403, 'forbidden', PARENT_OUT_OF_SCOPE, { path: 'parentId' });
    if (parentId && wouldCycle(await services.store.units.list(), unitId, parentId))
      throw invalidBody([
        {
          path: 'parentId',
          message: say('不能把下级单位设为上级', 'a unit cannot sit below its own descendant'),
        },
      ]);
    if (channels) refuseBadWebhooks(channels, 'channels', services.webhooks);
    const sealed = channels && (await sealChannels(channels, 'channels', services.webhooks));
    const patch: UnitPatch = {
      ...(name !== undefined ? { name } : {}),
      ...(parentId !== undefined ? { parentId } : {}),
      ...(sealed !== undefined ? { channels: sealed } : {}),
    };
    // The change and its audit entry commit in one transaction (storage helper, issue 10).
    const profile = await services.store.units.configure(unitId, patch, {
      actor: caller,
      action: 'unit.configure',
      detail: { ...patch, ...(sealed ? { channels: sealed.map(maskChannel) } : {}) },
    });
    return { status: 200, jsonBody: { ...profile, channels: profile.channels.map(maskChannel) } };
  },
});

registerHttp(unitConfigFunction);
