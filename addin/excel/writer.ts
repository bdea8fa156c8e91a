import { jsonBytes, PAYLOAD_BUDGET_BYTES } from './payload';

/**
 * Queues commands and syncs only when the next one would push the request past the budget, so an
 * operation makes one request until its payload must be split, then as few as the 5 MB limit allows.
 */
export class BatchWriter {
  private pending = 0;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = PAYLOAD_BUDGET_BYTES,
  ) {}

  /** Queues `commands`, whose payload is about `bytes`, syncing first if they would not fit. */
  async add(bytes: number, commands: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    commands();
    this.pending += bytes;
  }

  /** Writes `values` to `range(start, count)` in blocks that fit the budget. */
  async writeRows(
    rows: readonly (readonly unknown[])[],
    range: (start: number, count: number) => Excel.Range,
    asFormulas = false,
  ): Promise<void> {
    let start = 0;
    while (start < rows.length) {
      let bytes = 0;
      let end = start;
      while (end < rows.length && (end === start || bytes + jsonBytes(rows[end]) <= this.budget / 2))
        bytes += jsonBytes(rows[end++]);
      const block = rows.slice(start, end) as unknown[][];
      const at = start;
      await this.add(bytes, () => {
        const target = range(at, block.length);
        if (asFormulas) target.formulas = block;
        else target.values = block;
      });
      start = end;
    }
  }

  /** Sends what is queued. */
  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
  }
}
