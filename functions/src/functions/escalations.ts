import { app } from '@azure/functions';
import {
  appealRegister,
  escalationSchemaFor,
  say,
  scrubTextIdentities,
  stripIdentity,
  type WireValue,
} from '../../../shared';
import { readJson } from '../http/body';
import { httpFunction, type HttpCall } from '../http/define';
import { HttpError, parseWire } from '../http/errors';
import { underFunctionsHost } from '../http/runtime';

const noParent = say(
  '尚未配置上级单位，无法上报',
  'this unit has no parent unit configured; it cannot escalate',
);
const notSynced = say('云端没有该诉求，请先同步', 'the cloud has no such appeal; sync first');
const noEscalation = say('没有该下级单位上报的这条诉求', 'no such appeal was escalated from that unit');

async function escalate({ services, caller, unitId }: HttpCall, appealId: string, note: string) {
  const { store } = services;
  const unit = await store.units.get(unitId);
  if (!unit?.parentId) throw new HttpError(409, 'no-parent', noParent);
  const appeal = await store.records.get(unitId, appealRegister.key, appealId);
  if (!appeal || appeal.deleted) throw new HttpError(404, 'unknown-appeal', notSynced);
  // The cloud never holds identity; stripping again keeps a future slip from travelling upwards.
  // Records stored before free text was checked may still quote a number: scrubbed on the way up.
  const snapshot = Object.fromEntries(
    Object.entries(stripIdentity(appealRegister, appeal.values) as Record<string, WireValue>).map(
      ([k, v]) => [k, typeof v === 'string' ? scrubTextIdentities(v) : v],
    ),
  );
  const at = services.now().toISOString();
  // The escalation and its audit entry commit together.
  const view = await store.escalations.put(
    { fromUnit: unitId, toUnit: unit.parentId, appealId, snapshot, note, at },
    {
      actor: caller,
      action: 'escalation.create',
      detail: { appealId, toUnit: unit.parentId, revision: appeal.revision },
    },
  );
  return { status: 201, jsonBody: view };
}

async function reply(
  { services, caller, unitId }: HttpCall,
  fromUnit: string,
  appealId: string,
  text: string,
) {
  const at = services.now().toISOString();
  // Each reply is an entity of its own (any number fit), committed with its audit entry.
  const view = await services.store.escalations.reply(
    unitId,
    fromUnit,
    appealId,
    { at, by: caller.id, text },
    { actor: caller, action: 'escalation.reply', detail: { fromUnit, appealId } },
  );
  if (!view) throw new HttpError(404, 'unknown-escalation', noEscalation);
  return { status: 200, jsonBody: view };
}

/**
 * POST /api/units/{unitId}/escalations: `{appealId, note?}` hands an appeal up to the parent unit,
 * which then sees it (without identity) and its reminders; `{reply: {fromUnit, appealId, text}}`
 * is the parent's answer, which the child pulls on its next sync.
 */
export const escalationsFunction = httpFunction({
  name: 'escalations',
  route: 'units/{unitId}/escalations',
  methods: ['POST'],
  access: 'escalate',
  scope: 'unitId',
  async run(call) {
    const raw = await readJson(call.request);
    const body = parseWire(escalationSchemaFor(raw), raw);
    if ('reply' in body) return reply(call, body.reply.fromUnit, body.reply.appealId, body.reply.text);
    if ('accept' in body || 'forward' in body)
      throw new HttpError(501, 'not-implemented', say('尚未实现', 'not implemented yet'));
    return escalate(call, body.appealId, body.note ?? '');
  },
});

if (underFunctionsHost()) {
  app.http(escalationsFunction.name, {
    route: escalationsFunction.route,
    methods: [...escalationsFunction.methods],
    authLevel: 'anonymous',
    handler: escalationsFunction.handler,
  });
}
