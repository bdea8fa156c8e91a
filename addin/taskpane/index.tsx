/// <reference types="office-js" />
import { officeIsSetSupported } from '../excel/capabilities';
import { officeExcelRun } from '../excel/context';
import { createExcelOperations } from '../excel/operations';
import { translate, type Lang } from './i18n/strings';
import { mountTaskPane } from './mount';
import { connectCloud } from '../cloud/connect';
import { phonePageUrl } from '../cloud/phone';
import { paneEntraToken } from '../cloud/entraOffice';
import { cachedToken, localDevToken, migrateUnpartitioned, paneStore, partitionedKey } from '../sync';
import type { PaneOperations } from './operations';

// The pane inside Excel: waits for Office, then works through the real Excel.run.
const LANGUAGE_KEY = 'xieshang.language';

/** Office's storage partition; undefined where the browser control does not partition (Windows). */
const partition = (): string | undefined => (Office.context.partitionKey as string | undefined) || undefined;

function storedLanguage(): Lang | undefined {
  try {
    const v = window.localStorage.getItem(partitionedKey(LANGUAGE_KEY, partition()));
    return v === 'en' || v === 'zh' ? v : undefined;
  } catch {
    return undefined;
  }
}

const root = document.getElementById('root') as HTMLElement;
if (typeof Office === 'undefined') {
  root.textContent = `${translate('zh', 'app.noOffice')} / ${translate('en', 'app.noOffice')}`;
} else {
  void Office.onReady(async () => {
    try {
      // Language, queue and caches saved before keys were partitioned move under the partition, once.
      migrateUnpartitioned(window.localStorage, partition());
    } catch {
      // Storage blocked: the queue falls back to memory (paneStore) and the cloud panel says so.
    }
    const language = storedLanguage();
    const excel = createExcelOperations(officeExcelRun, {
      // The copy's module carries exceljs: loaded only when a clerk makes a copy.
      createWorkbook: async (base64) =>
        (await import('../excel/managementCopy')).officeCreateWorkbook(base64),
      // The manifest asks for ExcelApi 1.8 (Office 2019); later sets are asked about when used.
      isSetSupported: officeIsSetSupported,
    });
    const operations: PaneOperations = { ...excel, ...(await cloudFor(excel)) };
    mountTaskPane(root, operations, {
      ...(language ? { language } : {}),
      onLanguageChange: (lang) => {
        try {
          window.localStorage.setItem(partitionedKey(LANGUAGE_KEY, partition()), lang);
        } catch {
          // Storage may be blocked in the Office web view; the choice then lasts the session.
        }
      },
    });
  });
}

/**
 * The cloud connection inside Excel: the API named by the manifest's ?api= (the local host when
 * the pane is served from localhost). Sign-in: this computer's pairing credential when it has one;
 * else Microsoft 365 through MSAL nested app auth, Office SSO or the dialog when the manifest names
 * an Entra app (&client=); else the development token on a local host; else the pane asks for a
 * pairing code. The queue and the pairing live in the pane's localStorage under Office's partition
 * key — not OfficeRuntime.storage, which needs a shared runtime the manifest does not declare.
 */
async function cloudFor(excel: PaneOperations): Promise<Pick<PaneOperations, 'cloud'>> {
  const local = location.hostname === 'localhost' || location.hostname === '127.0.0.1';
  const api = new URLSearchParams(location.search).get('api') ?? (local ? 'http://127.0.0.1:7071' : null);
  if (!api) return {};
  const { store, persistent } = paneStore({
    localStorage: () => window.localStorage,
    partitionKey: partition(),
  });
  const entra = paneEntraToken(location.href);
  const signIn = entra
    ? { token: () => cachedToken(entra), method: 'entra' as const }
    : local
      ? { token: (unit: string) => cachedToken(localDevToken(api, unit, 'clerk')), method: 'dev' as const }
      : {};
  try {
    const cloud = await connectCloud({
      run: officeExcelRun,
      operations: excel,
      api,
      ...signIn,
      store,
      persistent,
      isSetSupported: officeIsSetSupported,
      phonePage: phonePageUrl(location.href),
    });
    return cloud ? { cloud } : {};
  } catch {
    // No registers yet (a new workbook): the pane works offline and says how to connect.
    return {};
  }
}
