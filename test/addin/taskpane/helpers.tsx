/** Test helpers: the real task pane over the real Excel layer over the simulator. */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import type { ExcelRun } from '../../../addin/excel/context';
import { createExcelOperations, type ExcelOperationsOptions } from '../../../addin/excel/operations';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../../../addin/simulator';
import { App, type PaneOptions } from '../../../addin/taskpane/App';
import type { PaneOperations } from '../../../addin/taskpane/operations';
import type { WorkbookInput } from '../../../shared';
import { loadRegisters, runOf } from '../excel/helpers';

// happy-dom rejects a cancelled animation's `finished` promise unhandled (browsers mark it handled);
// without `animate` Fluent's motion takes its test-environment path, as under jsdom.
Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true });

// Vitest runs without globals, so Testing Library cannot unmount between tests by itself.
afterEach(() => cleanup());

/** A simulated workbook (of ExcelApi 1.`excelApi`), optionally set up and filled, with the pane's operations over it. */
export async function simulatedWorkbook(
  options: { setUp?: boolean; input?: WorkbookInput; excelApi?: number } & ExcelOperationsOptions = {},
): Promise<{ wb: SimulatedWorkbook; operations: PaneOperations }> {
  const wb = createSimulatedWorkbook(options.excelApi === undefined ? {} : { excelApi: options.excelApi });
  if (options.setUp !== false) await setUpWorkbook(runOf(wb));
  if (options.input) await loadRegisters(wb, options.input);
  // The pane asks the simulator which requirement sets it has, as it asks Office inside Excel.
  return {
    wb,
    operations: createExcelOperations(runOf(wb), { isSetSupported: wb.isSetSupported, ...options }),
  };
}

/** Renders the pane in Chinese on a fixed day and waits for its first reading of the workbook. */
export async function renderPane(operations: PaneOperations, options: Partial<PaneOptions> = {}) {
  const view = render(
    <App operations={operations} options={{ language: 'zh', today: '2025-06-16', ...options }} />,
  );
  await waitFor(() => expect(screen.queryByText(/正在读取工作簿|Reading the workbook/)).toBeNull());
  return view;
}

/** Operations whose Excel syncs wait while held, so a test can see progress before the work ends. */
export function gatedOperations(wb: SimulatedWorkbook): {
  operations: PaneOperations;
  hold(): void;
  release(): void;
} {
  let gate: Promise<void> | null = null;
  let open = (): void => undefined;
  const run: ExcelRun = (batch) =>
    wb.run(async (context) => {
      const sync = context.sync.bind(context);
      context.sync = (async () => {
        if (gate) await gate;
        return sync();
      }) as typeof context.sync;
      return batch(context);
    });
  return {
    operations: createExcelOperations(run),
    hold: () => void (gate = new Promise<void>((resolve) => (open = resolve))),
    release: () => {
      gate = null;
      open();
    },
  };
}
