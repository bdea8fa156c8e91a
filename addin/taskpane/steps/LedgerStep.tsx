import { BuildLedgersPanel } from '../ledger/BuildLedgersPanel';
import { GroupSummaryPanel } from '../ledger/GroupSummaryPanel';
import { ManagementCopyPanel } from '../ledger/ManagementCopyPanel';
import { usePeriodFields } from '../ledger/usePeriodFields';
import { usePane } from '../pane/PaneContext';

/** Step 8: the ledgers and summaries, the group figures when the cloud is connected, and the copy for management. */
export function LedgerStep() {
  const period = usePeriodFields();
  const { operations } = usePane();
  return (
    <>
      <BuildLedgersPanel period={period} />
      {operations.cloud && <GroupSummaryPanel period={period} cloud={operations.cloud} />}
      <ManagementCopyPanel period={period} />
    </>
  );
}
