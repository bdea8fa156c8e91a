import { useCallback, useEffect, useState } from 'react';
import type { SettingsData } from '../operations';
import { usePane } from '../pane/PaneContext';

/** The settings sheets as last read, with a counter that changes on each reading (to reset the forms). */
export function useSettingsData(): {
  data: SettingsData | null;
  version: number;
  error: unknown;
  reload(): Promise<void>;
} {
  const { operations } = usePane();
  const [state, setState] = useState<{ data: SettingsData | null; version: number; error: unknown }>({
    data: null,
    version: 0,
    error: null,
  });
  const reload = useCallback(async () => {
    try {
      const data = await operations.readSettings();
      setState((s) => ({ data, version: s.version + 1, error: null }));
    } catch (error) {
      setState((s) => ({ ...s, error }));
    }
  }, [operations]);
  // Read once; set-up asks again. Saving a part keeps the others' unsaved edits, so no re-read then.
  useEffect(() => void reload(), [reload]);
  return { ...state, reload };
}
