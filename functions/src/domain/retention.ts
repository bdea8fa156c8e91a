import { appealDeadlines, deriveState, type AppealCase } from '../../../shared';
import type { RecordWrite, StoredRecord } from '../storage';
import { addMonths } from './clock';
import { unitData } from './unitData';

/** What the retention job removes from one unit. */
export interface PurgePlan {
  readonly appealIds: string[];
  readonly writes: RecordWrite[];
  readonly retentionMonths: number;
}

const OPEN = new Set(['upcoming', 'dueSoon', 'overdue']);

/** The last date anything happened to an appeal. */
function lastActivity(c: AppealCase): string {
  const a = c.appeal;
  const dates = [a.receivedOn, a.finishedOn, a.reportedOn, a.toldOn, a.escalatedOn];
  for (const s of c.surveys) dates.push(s.surveyedOn, s.remedyDoneOn);
  for (const t of c.tracking) dates.push(t.trackedOn);
  return dates.reduce<string>((m, d) => (d && d > m ? d : m), '');
}

/**
 * The appeals archived longer than the unit's retention period (诉求保存期限): closed, with no
 * deadline still open, and last touched more than that many months before today. Each goes with
 * every row that refers to it; they become tombstones, so clients learn the cloud let them go.
 * The tombstones are never deleted: the sync endpoint refuses any write over one (409
 * record-purged), so a workbook that still holds the row cannot bring the record back.
 */
export function retentionPlan(records: readonly StoredRecord[], today: string): PurgePlan {
  const d = unitData(records);
  const months = d.settings.retentionMonths;
  const appealIds: string[] = [];
  const writes: RecordWrite[] = [];
  for (const c of d.cases) {
    const id = c.appeal.id;
    if (!id || !deriveState(c, today).closed) continue;
    if (appealDeadlines(c, d.settings, d.calendar, today).some((x) => OPEN.has(x.status))) continue;
    const last = lastActivity(c);
    if (!last || addMonths(last, months) >= today) continue;
    appealIds.push(id);
    for (const r of d.byAppeal.get(id) ?? []) {
      // One change id per day: a rerun of the job the same day is a duplicate, not a second purge.
      writes.push({
        register: r.register,
        key: r.key,
        changeId: `retention:${today}`,
        baseRevision: r.revision,
        values: {},
        deleted: true,
        purged: true,
      });
    }
  }
  return { appealIds, writes, retentionMonths: months };
}
