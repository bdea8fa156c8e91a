import {
  type Bilingual,
  appealRegister,
  escalationSchemaFor,
  say,
  scrubTextIdentities,
  stripIdentity,
  type WireValue,
} from '../../../shared';
import { readJson } from '../http/body';
import { httpFunction, type HttpCall, registerHttp } from '../http/define';
import { HttpError, parseWire } from '../http/errors';
import { EscalationStateError } from '../storage';

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

const stateMessage: Readonly<Record<'accepted' | 'forwarded' | 'cycle', Bilingual>> = {
  accepted: say(
    '该诉求已由本级受理，不能再转报',
    'this escalation was accepted here; it cannot be passed on',
  ),
  forwarded: say(
    '该诉求已转报上一级，由上级受理',
    'this escalation was passed further up; the unit above accepts it',
  ),
  cycle: say('上级单位已在该诉求的上报路径中', "the parent unit is already on this escalation's path"),
};

/** A refused act: 409 with what state stopped it. */
function refused(e: unknown): never {
  if (e instanceof EscalationStateError)
    throw new HttpError(
      409,
      `escalation-${e.status}`,
      stateMessage[e.status as keyof typeof stateMessage] ?? stateMessage.accepted,
    );
  throw e;
}

async function accept(
  { services, caller, unitId }: HttpCall,
  body: { fromUnit: string; appealId: string; acceptedAs: string; note?: string },
) {
  const at = services.now().toISOString();
  const { fromUnit, appealId, acceptedAs } = body;
  // The note, when given, travels down as a reply: the child's tracking entry for the acceptance.
  const view = await services.store.escalations
    .accept(
      unitId,
      fromUnit,
      appealId,
      { acceptedAs, at, ...(body.note ? { reply: { at, by: caller.id, text: body.note } } : {}) },
      { actor: caller, action: 'escalation.accept', detail: { fromUnit, appealId, acceptedAs } },
    )
    .catch(refused);
  if (!view) throw new HttpError(404, 'unknown-escalation', noEscalation);
  return { status: 200, jsonBody: view };
}

async function forward(
  { services, caller, unitId }: HttpCall,
  body: { fromUnit: string; appealId: string; note?: string },
) {
  const { store } = services;
  // Only to this unit's own parent, as the tree says now.
  const unit = await store.units.get(unitId);
  if (!unit?.parentId) throw new HttpError(409, 'no-parent', noParent);
  const { fromUnit, appealId } = body;
  const done = await store.escalations
    .forward(
      unitId,
      fromUnit,
      appealId,
      { parentId: unit.parentId, note: body.note ?? '', at: services.now().toISOString() },
      {
        actor: caller,
        action: 'escalation.forward',
        detail: { fromUnit, appealId, toUnit: unit.parentId },
      },
    )
    .catch(refused);
  if (!done) throw new HttpError(404, 'unknown-escalation', noEscalation);
  return { status: 201, jsonBody: done.below };
}

/**
 * POST /api/units/{unitId}/escalations: `{appealId, note?}` hands an appeal up to the parent unit,
 * which then sees it (without identity) and its reminders. On one handed up to this unit (and only
 * such: every act names it by `fromUnit` and `appealId` in this unit's own partition):
 * `{reply: {fromUnit, appealId, text}}` answers it; `{accept: {fromUnit, appealId, acceptedAs,
 * note?}}` takes it into this unit's register; `{forward: {fromUnit, appealId, note?}}` passes it to
 * this unit's parent. Replies and acceptances from above come down every level to the origin,
 * which pulls them on its next sync.
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
    if ('accept' in body) return accept(call, body.accept);
    if ('forward' in body) return forward(call, body.forward);
    return escalate(call, body.appealId, body.note ?? '');
  },
});

registerHttp(escalationsFunction);
