// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPane, simulatedWorkbook } from './helpers';

const heading = () => screen.getByRole('heading', { level: 2 }).textContent;

describe('moving through the eight steps', () => {
  it('goes to a step by its tab and on by next and previous, in Chinese or English', async () => {
    const { operations } = await simulatedWorkbook({ setUp: false });
    await renderPane(operations);
    const user = userEvent.setup();
    expect(heading()).toBe('建立工作簿与基本设置');
    await user.click(screen.getByRole('tab', { name: '三' }));
    expect(heading()).toBe('第三步 征集协商议题');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(heading()).toBe('第四步 确定协商人员');
    await user.click(screen.getByRole('button', { name: '上一步' }));
    await user.click(screen.getByRole('button', { name: '上一步' }));
    expect(heading()).toBe('第二步 宣传动员');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(heading()).toBe('Step 2 · Publicity');
    await user.click(screen.getByRole('tab', { name: '3' }));
    expect(screen.getByLabelText(/^Received on · 受理时间/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next step' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '中文' }));
    expect(heading()).toBe('第三步 征集协商议题');
  });
});
