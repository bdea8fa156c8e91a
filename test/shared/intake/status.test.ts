// Issue 14: what the receipt link shows comes from the same lifecycle and deadlines the pane uses
// (docs/domain.md: stages, the working-day limits, 公示日期 counting as telling an anonymous appellant).
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  defaultCalendar,
  receiptStatus,
  statusFingerprint,
  type AppealCase,
  type AppealRecord,
} from '../../../shared';

const AT = '2026-04-01T02:00:00.000Z';
const caseOf = (appeal: AppealRecord, more: Partial<AppealCase> = {}): AppealCase => ({
  appeal,
  surveys: [],
  tracking: [],
  agenda: [],
  ...more,
});
const status = (c: AppealCase, today = '2026-04-01') =>
  receiptStatus(c, DEFAULT_SETTINGS, defaultCalendar, today, AT, (t) => t.replace('张三', '（已隐去）'));

const base: AppealRecord = {
  id: '2026-0003',
  receivedOn: '2026-03-30',
  content: '更衣室柜子不够用',
  appellant: '匿名',
  department: '行政部',
  dueOn: '2026-04-10',
};

describe('the receipt status', () => {
  it('an open appeal shows its stage and its earliest deadline, no result, not rateable', () => {
    expect(status(caseOf(base))).toEqual({
      appealId: '2026-0003',
      stage: '办理中',
      deadline: '2026-04-10',
      deadlineLabel: '办理完成时限',
      finished: false,
      rateable: false,
      updatedAt: AT,
    });
  });

  it('finished and reported: the next deadline is telling; the result waits until told', () => {
    const s = status(
      caseOf({ ...base, finishedOn: '2026-03-31', reportedOn: '2026-04-01', deptOpinion: '新增柜子 40 个' }),
    );
    // Reported Wed 1 April; 3 working days: Thu 2, Fri 3, then Qingming (4–6 April 2026 off): Tue 7 April.
    expect(s).toMatchObject({
      stage: '部门已反馈',
      deadline: '2026-04-07',
      deadlineLabel: '告知诉求人',
      finished: true,
    });
    expect(s.result).toBeUndefined();
    expect(s.rateable).toBe(false);
  });

  it('an anonymous appeal published (公示日期) counts as told: result shown, scrubbed, rating asked', () => {
    const s = status(
      caseOf({
        ...base,
        finishedOn: '2026-03-31',
        reportedOn: '2026-04-01',
        publishedOn: '2026-04-01',
        deptOpinion: '张三负责新增柜子 40 个',
      }),
    );
    expect(s).toMatchObject({
      stage: '已告知诉求人',
      result: '已办结：（已隐去）负责新增柜子 40 个',
      rateable: true,
      deadlineLabel: '满意度测评',
    });
  });

  it('judged impossible on the tracking form: the explanation is the result once told', () => {
    const s = status(
      caseOf(
        { ...base, reportedOn: '2026-04-01', toldOn: '2026-04-01', toldHow: '电话' },
        {
          tracking: [
            {
              appealId: '2026-0003',
              trackedOn: '2026-03-31',
              status: '不具备条件无法执行',
              feedback: '场地不足',
            },
          ],
        },
      ),
    );
    expect(s).toMatchObject({ result: '不具备条件无法办理：场地不足', finished: true, rateable: true });
  });

  it('its fingerprint ignores the time it was made, so an unchanged appeal is not sent again', () => {
    const a = status(caseOf(base));
    expect(statusFingerprint({ ...a, updatedAt: '2027-01-01T00:00:00Z' })).toBe(statusFingerprint(a));
    expect(statusFingerprint({ ...a, stage: '已办结' })).not.toBe(statusFingerprint(a));
  });
});
