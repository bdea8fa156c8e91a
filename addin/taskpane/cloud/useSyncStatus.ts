import { useEffect, useState } from 'react';
import type { CloudOperations } from '../../cloud/operations';
import type { SyncStatus } from '../../sync';

/** The sync client's status, re-rendering the view whenever the client reports a change. */
export function useSyncStatus(cloud: CloudOperations): SyncStatus {
  const [status, setStatus] = useState(() => cloud.status());
  useEffect(() => cloud.subscribe(setStatus), [cloud]);
  return status;
}
