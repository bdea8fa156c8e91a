import { useCallback, useRef, useState } from 'react';
import type { ProgressReport } from '../operations';

/** Where a long task stands. */
export interface TaskProgress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

/** A task the pane runs against the workbook: busy flag, progress, error and result. */
export interface Task<T> {
  readonly busy: boolean;
  readonly progress: TaskProgress | null;
  readonly error: unknown;
  readonly result: T | null;
  run(work: (progress: ProgressReport) => Promise<T>): Promise<T | null>;
  clear(): void;
}

/** Runs one task at a time, keeping its progress, error and result for the view. */
export function useTask<T>(): Task<T> {
  const [state, setState] = useState<Omit<Task<T>, 'run' | 'clear'>>({
    busy: false,
    progress: null,
    error: null,
    result: null,
  });
  const running = useRef(false);
  const run = useCallback(async (work: (progress: ProgressReport) => Promise<T>) => {
    if (running.current) return null;
    running.current = true;
    setState({ busy: true, progress: null, error: null, result: null });
    const progress: ProgressReport = (done, total, label) =>
      setState((s) => ({ ...s, progress: { done, total, label } }));
    try {
      const result = await work(progress);
      setState((s) => ({ ...s, busy: false, result }));
      return result;
    } catch (error) {
      setState((s) => ({ ...s, busy: false, error }));
      return null;
    } finally {
      running.current = false;
    }
  }, []);
  const clear = useCallback(() => setState({ busy: false, progress: null, error: null, result: null }), []);
  return { ...state, run, clear };
}
