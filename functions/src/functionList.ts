// The one list of functions: the Azure registration (each file's app.http/app.timer) and the
// local host both come from these entries, so the two can never serve different sets.
import { aggregateTimer } from './functions/aggregateTimer';
import { escalationsFunction } from './functions/escalations';
import { INTAKE_FUNCTIONS } from './functions/intake';
import { INTAKE_MEETING_FUNCTIONS } from './functions/intakeMeetings';
import { INTAKE_RECEIPT_FUNCTIONS } from './functions/intakeReceipts';
import { meFunction } from './functions/me';
import { PAIRING_FUNCTIONS } from './functions/pairing';
import { remindersFunction } from './functions/reminders';
import { remindersTimer } from './functions/remindersTimer';
import { retentionTimer } from './functions/retentionTimer';
import { summaryFunction } from './functions/summary';
import { syncFunction } from './functions/sync';
import { unitConfigFunction } from './functions/unitConfig';
import { unitsFunction } from './functions/units';
import type { HttpEntry } from './http/define';
import type { TimerEntry } from './http/timer';

/** One function of the app: an HTTP endpoint or a timer. */
export type FunctionEntry = HttpEntry | TimerEntry;

/** Every HTTP endpoint, as registered with the Functions host and served by the local host. */
export const HTTP_FUNCTIONS: readonly HttpEntry[] = [
  syncFunction,
  remindersFunction,
  escalationsFunction,
  summaryFunction,
  unitConfigFunction,
  unitsFunction,
  meFunction,
  ...PAIRING_FUNCTIONS,
  ...INTAKE_FUNCTIONS,
  ...INTAKE_RECEIPT_FUNCTIONS,
  ...INTAKE_MEETING_FUNCTIONS,
];

/** Every timer. */
export const TIMER_FUNCTIONS: readonly TimerEntry[] = [remindersTimer, aggregateTimer, retentionTimer];

/** Every function of the app. */
export const FUNCTIONS: readonly FunctionEntry[] = [...HTTP_FUNCTIONS, ...TIMER_FUNCTIONS];
