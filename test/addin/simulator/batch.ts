import type { SimulatedWorkbook } from '../../../addin/simulator';

/** Commands queued on a request context, for a test to run in one sync. */
export type Batch = (context: Excel.RequestContext) => void;

/** Runs one batch in one sync and returns its error (undefined when it succeeded). */
export async function runBatch(wb: SimulatedWorkbook, batch: Batch): Promise<unknown> {
  return wb
    .run(async (context) => {
      batch(context);
      await context.sync();
    })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
}
