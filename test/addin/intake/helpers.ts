import { expect } from 'vitest';
import { IntakeError } from '../../../addin/intake/envelope';

/** The IntakeError a promise is refused with (the test fails if it resolves or fails otherwise). */
export async function refusal(p: Promise<unknown>): Promise<IntakeError> {
  const e: unknown = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(IntakeError);
  return e as IntakeError;
}
