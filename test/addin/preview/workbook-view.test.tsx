// @vitest-environment happy-dom
/**
 * The preview grid shows each cell as Excel does: its Range.text, the value through its number format
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-text-member); the formula
 * bar shows a date cell in the system short date, never its serial (Excel's formula bar shows dates in the
 * short date format of the regional settings — zh-CN: yyyy/m/d).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../addin/preview/demo';
import { observe } from '../../../addin/preview/observed';
import { WorkbookView } from '../../../addin/preview/WorkbookView';
import { createSimulatedWorkbook } from '../../../addin/simulator';

// See test/addin/taskpane/helpers.tsx: happy-dom and Fluent's motion, and cleanup without vitest globals.
Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true });
afterEach(() => cleanup());

async function bookWithFormattedCells() {
  const sim = createSimulatedWorkbook();
  await sim.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Sheet1');
    const row = sheet.getRange('A1:E1');
    row.numberFormat = [['yyyy-mm-dd', 'm月d日', '#,##0', '0.00', '0%']];
    row.values = [[46209, 46209, 1234567, 1.5, 0.125]];
    sheet.getRange('A1').select();
    await context.sync();
  });
  return observe(sim);
}

const cell = (address: string): HTMLElement => {
  const found = document.querySelector<HTMLElement>(`td[data-address="${address}"]`);
  if (!found) throw new Error(`no grid cell ${address}`);
  return found;
};

describe('the preview grid and formula bar show what Excel shows', () => {
  it('shows each cell through its number format: 2026-07-06, never 46209', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <WorkbookView book={await bookWithFormattedCells()} />
      </FluentProvider>,
    );
    expect(cell('A1').textContent).toBe('2026-07-06');
    expect(cell('B1').textContent).toBe('7月6日');
    expect(cell('C1').textContent).toBe('1,234,567');
    expect(cell('D1').textContent).toBe('1.50');
    expect(cell('E1').textContent).toBe('13%');
    expect(screen.queryByText('46209')).toBeNull();
  });

  it('shows the selected date cell in the formula bar as a short date, not the serial', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <WorkbookView book={await bookWithFormattedCells()} />
      </FluentProvider>,
    );
    const bar = screen.getByLabelText<HTMLInputElement>('编辑栏');
    await waitFor(() => expect(bar.value).toBe('2026/7/6'));
  });
});

describe('pictures and links in the preview grid', () => {
  it('draws a sheet picture (Worksheet.shapes.addImage) and makes a typed address openable', async () => {
    const sim = createSimulatedWorkbook();
    // A 1×1 PNG: the smallest image addImage takes.
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const picture = sheet.shapes.addImage(png);
      picture.name = '扫码二维码';
      picture.left = 30;
      picture.top = 60;
      picture.width = 150;
      picture.height = 150;
      sheet.getRange('A1').values = [['http://localhost:3000/phone.html?api=x#m=f']];
      sheet.getRange('A1').select();
      await context.sync();
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <WorkbookView book={observe(sim)} />
      </FluentProvider>,
    );
    const img = document.querySelector<HTMLImageElement>('img[data-picture="扫码二维码"]');
    expect(img?.src).toBe(`data:image/png;base64,${png}`);
    expect(img?.style.width).toBe('200px');
    expect(cell('A1').querySelector('a')?.getAttribute('href')).toBe(
      'http://localhost:3000/phone.html?api=x#m=f',
    );
  });
});

describe('the demo company as the preview seeds it', () => {
  it('shows every date of every register row as a date and keeps phones as text, as set-up formats them', async () => {
    const book = observe(createSimulatedWorkbook());
    await seedDemo(book, '2026-11-20');
    const rows = book.sim.getText('职工诉求记录表', 'A2:D57');
    expect(rows).toHaveLength(56);
    // Column D is 受理时间: yyyy-mm-dd on every row, never a serial such as 46209.
    for (const r of rows) expect(r[3]).toMatch(/^2026-\d{2}-\d{2}$/);
    const formats = book.sim.getNumberFormats('职工诉求记录表', 'D57:D57');
    expect(formats).toEqual([['yyyy-mm-dd']]);
  });
});
