import type { StringKey } from '../i18n/strings';

/** The pane's views: set-up and settings, the eight steps of the handbook, and the check. */
export const STEPS = [
  'workbook',
  'leadership',
  'publicity',
  'collect',
  'people',
  'meeting',
  'supervise',
  'survey',
  'ledger',
  'check',
] as const;

/** One of the pane's views. */
export type StepId = (typeof STEPS)[number];

/** The strings of a view: its tab, its title and what it is for. */
export const stepText = (step: StepId, part: 'tab' | 'title' | 'intro'): StringKey => `step.${step}.${part}`;

/** The view before or after one, if any. */
export const neighbour = (step: StepId, by: -1 | 1): StepId | undefined => STEPS[STEPS.indexOf(step) + by];
