import { app } from '@azure/functions';
import { appealRegister, say, stripIdentity, type WireValue } from '../../../shared';
import { readJson } from '../http/body';
import { httpFunction, type HttpCall } from '../http/define';
import { HttpError, invalidBody } from '../http/errors';
import { underFunctionsHost } from '../http/runtime';
import { isObject, noOtherKeys, optionalString, Problems } from '../util/problems';

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
  const snapshot = stripIdentity(appealRegister, appeal.values) as Record<string, WireValue>;
  const at = services.now().toISOString();
  const view = await store.escalations.put({
    fromUnit: unitId,
    toUnit: unit.parentId,
    appealId,
    snapshot,
    note,
    at,
  });
  await store.audit.write(unitId, caller, 'escalation.create', {
    appealId,
    toUnit: unit.parentId,
    revision: appeal.revision,
  });
  return { status: 201, jsonBody: view };
}

async function reply(
  { services, caller, unitId }: HttpCall,
  fromUnit: string,
  appealId: string,
  text: string,
) {
  const at = services.now().toISOString();
  const view = await services.store.escalations.reply(unitId, fromUnit, appealId, {
    at,
    by: caller.id,
    text,
  });
  if (!view) throw new HttpError(404, 'unknown-escalation', noEscalation);
  await services.store.audit.write(unitId, caller, 'escalation.reply', { fromUnit, appealId });
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
    const body = await readJson(call.request);
    const p = new Problems();
    if (!isObject(body)) throw invalidBody([{ path: '$', message: say('应为对象', 'expected an object') }]);
    if (isObject(body.reply)) {
      noOtherKeys(body, ['reply'], '$', p);
      noOtherKeys(body.reply, ['fromUnit', 'appealId', 'text'], 'reply', p);
      const fromUnit = optionalString(body.reply, 'fromUnit', 'reply', p, 64);
      const appealId = optionalString(body.reply, 'appealId', 'reply', p, 200);
      const text = optionalString(body.reply, 'text', 'reply', p, 4000);
      if (!fromUnit || !appealId || !text)
        p.add('reply', say('须填写 fromUnit、appealId 和 text', 'fromUnit, appealId and text are required'));
      if (!p.ok) throw invalidBody(p.list);
      return reply(call, fromUnit as string, appealId as string, text as string);
    }
    noOtherKeys(body, ['appealId', 'note'], '$', p);
    const appealId = optionalString(body, 'appealId', '$', p, 200);
    const note = optionalString(body, 'note', '$', p, 2000) ?? '';
    if (!appealId) p.add('appealId', say('须填写诉求编号', 'appealId is required'));
    if (!p.ok) throw invalidBody(p.list);
    return escalate(call, appealId as string, note);
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
