import type { ExcelRun } from '../excel/context';
import type { SimulatedWorkbook } from '../simulator';

/** A simulated workbook whose changes the preview's grid can follow. */
export interface ObservedWorkbook {
  readonly sim: SimulatedWorkbook;
  /** The simulator's run, telling listeners after every batch (the pane's operations use it). */
  readonly run: ExcelRun;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Tells listeners that the grid itself changed a cell. */
  changed(): void;
  /** A counter that moves on every change (React's external-store snapshot). */
  version(): number;
}

/**
 * Wraps the simulator so the grid re-reads it after each batch of the task pane: the Excel API has
 * no change events the simulator could fire, and the batches are the only way the pane writes.
 */
export function observe(sim: SimulatedWorkbook): ObservedWorkbook {
  const listeners = new Set<() => void>();
  let version = 0;
  const changed = (): void => {
    version++;
    listeners.forEach((l) => l());
  };
  const run: ExcelRun = async (batch) => {
    try {
      return await sim.run(batch);
    } finally {
      changed();
    }
  };
  return {
    sim,
    run,
    changed,
    version: () => version,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
