import { useSyncExternalStore } from 'react';
import type { ObservedWorkbook } from './observed';

/** A number that changes whenever the observed workbook changes, for components to re-read it. */
export const useWorkbookVersion = (book: ObservedWorkbook): number =>
  useSyncExternalStore(book.subscribe, book.version);
