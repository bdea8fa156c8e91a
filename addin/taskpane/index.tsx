/// <reference types="office-js" />
import { officeExcelRun } from '../excel/context';
import { createExcelOperations } from '../excel/operations';
import { translate, type Lang } from './i18n/strings';
import { mountTaskPane } from './mount';

// The pane inside Excel: waits for Office, then works through the real Excel.run.
const LANGUAGE_KEY = 'xieshang.language';

function storedLanguage(): Lang | undefined {
  try {
    const v = window.localStorage.getItem(LANGUAGE_KEY);
    return v === 'en' || v === 'zh' ? v : undefined;
  } catch {
    return undefined;
  }
}

const root = document.getElementById('root') as HTMLElement;
if (typeof Office === 'undefined') {
  root.textContent = `${translate('zh', 'app.noOffice')} / ${translate('en', 'app.noOffice')}`;
} else {
  void Office.onReady(() => {
    const language = storedLanguage();
    mountTaskPane(
      root,
      createExcelOperations(officeExcelRun, {
        // The copy's module carries exceljs: loaded only when a clerk makes a copy.
        createWorkbook: async (base64) =>
          (await import('../excel/managementCopy')).officeCreateWorkbook(base64),
      }),
      {
        ...(language ? { language } : {}),
        onLanguageChange: (lang) => {
          try {
            window.localStorage.setItem(LANGUAGE_KEY, lang);
          } catch {
            // Storage may be blocked in the Office web view; the choice then lasts the session.
          }
        },
      },
    );
  });
}
