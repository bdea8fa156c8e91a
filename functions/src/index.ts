// The Functions host's entry (package.json "main" → dist/functions/index.js, built from here).
// Importing the list loads every function file, and each registers itself with app.http/app.timer.
import { FUNCTIONS } from './functionList';

/** The registered functions' names, for logs and smoke checks. */
export const registered: readonly string[] = FUNCTIONS.map((f) => f.name);
