import { createRoot } from 'react-dom/client';
import { createExcelOperations } from '../excel/operations';
import { createSimulatedWorkbook } from '../simulator';
import { localToday } from '../taskpane/common/today';
import type { PaneOperations } from '../taskpane/operations';
import { seedDemo } from './demo';
import { downloadWorkbook } from './download';
import { observe } from './observed';
import { PreviewApp } from './PreviewApp';
import { localDevToken, webStorageStore } from '../sync';
import { connectCloud } from '../cloud/connect';
import { phonePageUrl } from '../cloud/phone';
import { settingLabel } from '../../shared';

/** Starts the preview: a simulated workbook seeded with the demo company, and the real pane on it. */
async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const today = params.get('today') ?? localToday();
  // ?excelApi=8 imitates Office 2019, to see what the pane says there.
  const excelApi = Number(params.get('excelApi')) || undefined;
  const book = observe(createSimulatedWorkbook(excelApi ? { excelApi } : {}));
  await seedDemo(book, today);
  const base = createExcelOperations(book.run, {
    createWorkbook: downloadWorkbook(`管理层副本-${today}.xlsx`),
    isSetSupported: book.sim.isSetSupported,
  });
  // ?unit=: the demo company as one unit of a group (单位代码), so two or three browser contexts
  // can play a workshop, its company and the group against one local host.
  const unit = params.get('unit')?.trim();
  if (unit) await base.saveSettingItems({ [settingLabel('unitId')]: unit });
  const api = params.get('api') ?? 'http://127.0.0.1:7071';
  // ?signin=pairing: no development token, as a union office without Microsoft 365 signs in (a
  // pairing code); ?role=admin: the development token of the unit's administrator (配对管理 shows).
  const pairingOnly = params.get('signin') === 'pairing';
  const role = params.get('role') === 'admin' ? 'admin' : 'clerk';
  const cloud = await connectCloud({
    run: book.run,
    operations: base,
    api,
    ...(pairingOnly
      ? {}
      : { token: (unit: string) => localDevToken(api, unit, role), method: 'dev' as const }),
    store: webStorageStore(window.localStorage),
    isSetSupported: book.sim.isSetSupported,
    // The phone page is built beside the preview (phone.html), so QR codes open on this host.
    phonePage: phonePageUrl(location.href),
  });
  // The simulator has no selection events: after each batch, tell the pane only if the selection moved
  // (the pane's own reads are batches too, so telling it every time would loop).
  const where = (): string => JSON.stringify(book.sim.selection());
  const operations: PaneOperations = {
    ...base,
    ...(cloud ? { cloud } : {}),
    watchSelection: async (onChange) => {
      let last = where();
      const stop = book.subscribe(() => {
        const now = where();
        if (now !== last) {
          last = now;
          onChange();
        }
      });
      return async () => stop();
    },
  };
  const root = document.getElementById('preview');
  if (!root) throw new Error('preview.html has no #preview element');
  createRoot(root).render(<PreviewApp book={book} operations={operations} today={today} />);
  document.body.dataset['ready'] = 'true';
}

void start();
