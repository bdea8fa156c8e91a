import { createRoot } from 'react-dom/client';
import { App, type PaneOptions } from './App';
import { localToday } from './common/today';
import type { PaneOperations } from './operations';

export type { PaneOptions };

/**
 * Mounts the task pane into `element` with the operations it works through: the Excel layer in
 * Excel, the simulator's in tests and the preview. Returns a function that unmounts it.
 */
export function mountTaskPane(
  element: HTMLElement,
  operations: PaneOperations,
  options: Partial<PaneOptions> = {},
): () => void {
  const root = createRoot(element);
  root.render(<App operations={operations} options={{ ...options, today: options.today ?? localToday() }} />);
  return () => root.unmount();
}
