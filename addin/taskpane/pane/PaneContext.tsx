import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PaneOperations, PaneWorkbook, SelectedRecord } from '../operations';

/** What every part of the pane shares: the operations, today, the workbook as read, the selected row. */
export interface Pane {
  readonly operations: PaneOperations;
  readonly today: string;
  /** null until the first reading arrives. */
  readonly workbook: PaneWorkbook | null;
  readonly workbookError: unknown;
  reloadWorkbook(): Promise<void>;
  readonly selection: SelectedRecord | null;
  readSelection(): Promise<void>;
}

const PaneContext = createContext<Pane | null>(null);

/** Reads the workbook once on start and whenever asked; follows the selection where Excel reports it. */
export function PaneProvider({
  operations,
  today,
  children,
}: {
  operations: PaneOperations;
  today: string;
  children: ReactNode;
}) {
  const [workbook, setWorkbook] = useState<PaneWorkbook | null>(null);
  const [workbookError, setWorkbookError] = useState<unknown>(null);
  const [selection, setSelection] = useState<SelectedRecord | null>(null);
  const reloadWorkbook = useCallback(async () => {
    try {
      setWorkbook(await operations.readWorkbook(today));
      setWorkbookError(null);
    } catch (e) {
      setWorkbookError(e);
    }
  }, [operations, today]);
  const readSelection = useCallback(async () => {
    setSelection(await operations.readSelection().catch(() => null));
  }, [operations]);
  useEffect(() => {
    void reloadWorkbook();
    void readSelection();
    let stop: (() => Promise<void>) | undefined;
    let live = true;
    void operations
      .watchSelection?.(() => void readSelection())
      .then((s) => (live ? (stop = s) : void s()))
      .catch(() => undefined);
    return () => {
      live = false;
      void stop?.();
    };
  }, [operations, reloadWorkbook, readSelection]);
  const value = useMemo<Pane>(
    () => ({ operations, today, workbook, workbookError, reloadWorkbook, selection, readSelection }),
    [operations, today, workbook, workbookError, reloadWorkbook, selection, readSelection],
  );
  return <PaneContext.Provider value={value}>{children}</PaneContext.Provider>;
}

/** The pane's shared state and operations. */
export function usePane(): Pane {
  const value = useContext(PaneContext);
  if (!value) throw new Error('usePane outside PaneProvider');
  return value;
}
