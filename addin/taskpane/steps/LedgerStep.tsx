import { BuildLedgersPanel } from '../ledger/BuildLedgersPanel';
import { ManagementCopyPanel } from '../ledger/ManagementCopyPanel';
import { usePeriodFields } from '../ledger/usePeriodFields';

/** Step 8: the ledgers and summaries, and the copy for management, for one year. */
export function LedgerStep() {
  const period = usePeriodFields();
  return (
    <>
      <BuildLedgersPanel period={period} />
      <ManagementCopyPanel period={period} />
    </>
  );
}
