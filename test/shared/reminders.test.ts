import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultCalendar, unitReminders, type MeetingRecord } from '../../shared';

// docs/domain.md, reminders: the quarterly ledger, the quarterly leading-group meeting and the
// monthly scheduling meeting. Every date below was worked out by hand on the 2026 schedule
// (holidays 1/1–1/3, 2/15–2/23, 4/4–4/6, 5/1–5/5, 6/19–6/21, 9/25–9/27, 10/1–10/7; make-up working
// days 1/4, 2/14, 2/28, 5/9, 9/20, 10/10). A meeting is due by the last working day of its period;
// the group meeting is reminded of from 10 working days before, the scheduling meeting from 5.

const group = (date: string): MeetingRecord => ({ id: `G${date}`, type: '领导小组工作会议', date });
const scheduling = (date: string): MeetingRecord => ({ id: `S${date}`, type: '调度会议', date });

const remindersOn = (today: string, meetings: MeetingRecord[], ledgersBuilt: string[]) =>
  unitReminders({ meetings, ledgersBuilt, settings: DEFAULT_SETTINGS, calendar: defaultCalendar, today }).map(
    (r) => [r.kind, r.status, r.due, r.key],
  );

describe('the unit’s recurring duties on the 2026 calendar, worked out by hand', () => {
  it('2026-04-02, nothing held or built: Q1 ledger due 4/8 across Qingming; Q1 meetings overdue since 3/31', () => {
    // Ledger: 5 working days after 3/31 → 4/1, 4/2, 4/3, (4/4–4/6 off), 4/7, 4/8.
    expect(remindersOn('2026-04-02', [], [])).toEqual([
      ['quarterlyLedger', 'dueSoon', '2026-04-08', 'quarterlyLedger|2026Q1'],
      ['groupMeeting', 'overdue', '2026-03-31', 'groupMeeting|2026-03-31'],
      ['schedulingMeeting', 'overdue', '2026-03-31', 'schedulingMeeting|2026-03-31'],
    ]);
  });

  it('2026-04-09: the Q1 ledger is now overdue', () => {
    expect(remindersOn('2026-04-09', [group('2026-03-10'), scheduling('2026-03-10')], [])).toEqual([
      ['quarterlyLedger', 'overdue', '2026-04-08', 'quarterlyLedger|2026Q1'],
    ]);
  });

  it('January’s scheduling meeting was due Fri 1/30, its last working day (1/31 is a Saturday)', () => {
    expect(remindersOn('2026-02-02', [group('2026-01-20')], ['2025Q4'])).toEqual([
      // 2025-12-31 is a Wednesday: Q4 2025's group meeting was due that day.
      ['groupMeeting', 'overdue', '2025-12-31', 'groupMeeting|2025-12-31'],
      ['schedulingMeeting', 'overdue', '2026-01-30', 'schedulingMeeting|2026-01-30'],
    ]);
  });

  it('February’s scheduling meeting: due Sat 2/28 (a make-up working day), reminded from Sat 2/14 across the Spring Festival', () => {
    const held = [group('2025-12-10'), group('2026-01-20'), scheduling('2026-01-15')];
    // 5 working days back from 2/28: 2/27, 2/26, 2/25, 2/24, (2/15–2/23 off), 2/14.
    expect(remindersOn('2026-02-13', held, ['2025Q4'])).toEqual([]);
    expect(remindersOn('2026-02-14', held, ['2025Q4'])).toEqual([
      ['schedulingMeeting', 'dueSoon', '2026-02-28', 'schedulingMeeting|2026-02-28'],
    ]);
  });

  it('Q3’s group meeting: due Wed 9/30, reminded from 9/16 (the 9/25–9/27 holiday off, Sun 9/20 worked)', () => {
    const held = [group('2026-05-20'), scheduling('2026-08-20'), scheduling('2026-09-10')];
    // 10 working days back from 9/30: 9/29, 9/28, 9/24, 9/23, 9/22, 9/21, 9/20, 9/18, 9/17, 9/16.
    expect(remindersOn('2026-09-15', held, ['2026Q2'])).toEqual([]);
    expect(remindersOn('2026-09-16', held, ['2026Q2'])).toEqual([
      ['groupMeeting', 'dueSoon', '2026-09-30', 'groupMeeting|2026-09-30'],
    ]);
  });

  it('Sat 2026-10-31 without an October scheduling meeting: overdue since Fri 10/30', () => {
    const held = [group('2026-09-16'), scheduling('2026-09-10')];
    expect(remindersOn('2026-10-31', held, ['2026Q3'])).toEqual([
      ['schedulingMeeting', 'overdue', '2026-10-30', 'schedulingMeeting|2026-10-30'],
    ]);
  });

  it('May 2026 ends on a Sunday: the scheduling meeting is due Fri 5/29, reminded from 5/22', () => {
    const held = [group('2026-03-10'), group('2026-04-20'), scheduling('2026-04-20')];
    // 5 working days back from 5/29: 5/28, 5/27, 5/26, 5/25, 5/22.
    expect(remindersOn('2026-05-21', held, ['2026Q1'])).toEqual([]);
    expect(remindersOn('2026-05-22', held, ['2026Q1'])).toEqual([
      ['schedulingMeeting', 'dueSoon', '2026-05-29', 'schedulingMeeting|2026-05-29'],
    ]);
  });
});
