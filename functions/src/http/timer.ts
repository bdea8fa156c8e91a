import type { InvocationContext, Timer, TimerHandler } from '@azure/functions';
import { getServices, type Services } from '../services';
import { mapLimit } from '../util/mapLimit';

/** A timer function as data: one entry of the function list. */
export interface TimerEntry {
  readonly kind: 'timer';
  readonly name: string;
  /** NCRONTAB (second minute hour day month weekday), evaluated in UTC. */
  readonly schedule: string;
  readonly handler: TimerHandler;
  /** The job itself, callable without a timer (tests, the local host's admin trigger). */
  readonly run: (services: Services, context: InvocationContext) => Promise<unknown>;
}

/** Defines a timer function whose handler runs the job with the services in force and logs its outcome. */
export function timerFunction(def: Omit<TimerEntry, 'kind' | 'handler'>): TimerEntry {
  const handler = async (timer: Timer, context: InvocationContext): Promise<void> => {
    if (timer.isPastDue) context.warn(`${def.name} is running late`);
    const services = getServices();
    await services.store.ready();
    const outcome = await def.run(services, context);
    context.log(`${def.name} done`, JSON.stringify(outcome));
  };
  return { kind: 'timer', name: def.name, schedule: def.schedule, handler, run: def.run };
}

/** A unit a timer could not finish, and why (the others are done regardless). */
export interface UnitFailure {
  readonly unitId: string;
  readonly error: string;
}

/**
 * Runs a timer's job for each unit, at most `limit` at a time, in order. One unit's bad data or a
 * storage error must not stop every other unit's job (mapLimit alone stops at a throw): a unit that
 * throws is logged and listed in `failed`, and a summary is logged when any did.
 */
export async function eachUnit<U extends { readonly unitId: string }, R>(
  job: string,
  units: readonly U[],
  limit: number,
  context: InvocationContext,
  fn: (unit: U) => Promise<R>,
): Promise<{ done: R[]; failed: UnitFailure[] }> {
  type Outcome = { readonly ok: R } | { readonly failure: UnitFailure };
  const outcomes = await mapLimit(units, limit, async (u): Promise<Outcome> => {
    try {
      return { ok: await fn(u) };
    } catch (e) {
      context.error(`${job} for ${u.unitId} failed`, e);
      return { failure: { unitId: u.unitId, error: String(e) } };
    }
  });
  const failed = outcomes.flatMap((o) => ('failure' in o ? [o.failure] : []));
  if (failed.length > 0)
    context.error(
      `${job} failed for ${failed.length} of ${units.length} units (${failed.map((f) => f.unitId).join(', ')}); the others were done`,
    );
  return { done: outcomes.flatMap((o) => ('ok' in o ? [o.ok] : [])), failed };
}
