import type { InvocationContext, Timer, TimerHandler } from '@azure/functions';
import { getServices, type Services } from '../services';

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
