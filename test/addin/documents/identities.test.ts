import { describe, expect, it } from 'vitest';
import { appellantIdentities, identityScrubber } from '../../../addin/documents';
import { checkWorkbook } from '../../../shared';
import { workbookOf } from '../../fixtures/workbook';

const check = checkWorkbook(
  workbookOf({
    appeals: [
      {
        id: '2025-001',
        intakeMethod: '谈话',
        receivedOn: '2025-03-03',
        category: '其他类',
        appellant: '欧阳娜娜',
        phone: '13812345678',
        content: '甲',
      },
      {
        id: '2025-002',
        intakeMethod: '电话',
        receivedOn: '2025-03-04',
        category: '其他类',
        appellant: '欧阳娜',
        phone: '0531-87654321',
        content: '乙',
      },
      {
        id: '2025-003',
        intakeMethod: '网络',
        receivedOn: '2025-03-05',
        category: '其他类',
        appellant: '匿名',
        content: '丙',
      },
    ],
    topics: [
      { workshop: '一车间', seq: 1, name: '李四', content: '丁', raisedOn: '2025-03-01', signature: '王五' },
    ],
  }),
  { today: '2025-04-01' },
);

describe('appellant identities', () => {
  it('are gathered from every register the schema marks, without 匿名', () => {
    const ids = appellantIdentities(check);
    expect([...ids.names].sort()).toEqual(['李四', '欧阳娜', '欧阳娜娜', '王五']);
    expect([...ids.phones].sort()).toEqual(['053187654321', '13812345678']);
  });

  it('are scrubbed out of free text, longest name first, phones with any spacing', () => {
    const scrub = identityScrubber(appellantIdentities(check));
    expect(scrub('欧阳娜娜反映，电话138 1234 5678，另有0531-8765-4321')).toBe(
      '（已隐去）反映，电话（已隐去），另有（已隐去）',
    );
    expect(scrub('李四和王五的诉求；匿名职工的诉求')).toBe('（已隐去）和（已隐去）的诉求；匿名职工的诉求');
    expect(scrub('食堂饭菜价格偏高')).toBe('食堂饭菜价格偏高');
  });
});
