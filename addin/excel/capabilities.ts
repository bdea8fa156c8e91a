/// <reference types="office-js" />
import { say, type Bilingual } from '../../shared';

/**
 * The requirement-set question Office answers with `Office.context.requirements.isSetSupported`
 * (https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport). The add-in passes
 * Office's; the preview and tests pass the simulator's, so this module never imports the simulator.
 */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/**
 * The ExcelApi minor version manifest.xml declares. Where the add-in loads at all, ExcelApi 1.1–1.8
 * are there; a member of a later set is used only inside `if (supportsExcelApi(isSetSupported, N))`
 * with N a number literal, which test/manifest.test.ts checks against the manifest.
 */
export const DECLARED_EXCEL_API = 8;

/** ExcelApi 1.9 brought `Worksheet.pageLayout`: paper, margins, print area and title rows. */
export const PAGE_SETUP_EXCEL_API = 9;

/** What may be assumed where nothing answers: the declared set and no more. */
export const declaredExcelApiOnly: IsSetSupported = (name, minVersion) =>
  name === 'ExcelApi' && minorOf(minVersion) <= DECLARED_EXCEL_API;

/**
 * Office's own answer, inside Excel. The version goes as a string: the number overload is deprecated
 * (https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport), and 1.10 as a
 * number is 1.1.
 */
export const officeIsSetSupported: IsSetSupported = (name, minVersion) =>
  Office.context.requirements.isSetSupported(name, minVersion);

/** Whether ExcelApi 1.`minor` is there: no question for the declared sets, the host's answer above them. */
export function supportsExcelApi(isSetSupported: IsSetSupported, minor: number): boolean {
  return minor <= DECLARED_EXCEL_API || isSetSupported('ExcelApi', `1.${minor}`);
}

/** A feature the running Excel lacks: what the clerk goes without and which Excel has it. */
export interface MissingFeature {
  readonly excelApi: number;
  readonly what: Bilingual;
  readonly where: Bilingual;
}

/**
 * Print setup without ExcelApi 1.9: Office 2019 and Excel 2019 for Mac before 16.24 (the version
 * table: https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
 */
export const MISSING_PAGE_SETUP: MissingFeature = {
  excelApi: PAGE_SETUP_EXCEL_API,
  what: say(
    '此版本的 Excel 不支持由加载项设置打印格式（纸张、方向、页边距、打印区域、每页重复标题行），请在“页面布局”选项卡中手动设置后再打印',
    'this Excel cannot set up the page from an add-in (paper, orientation, margins, print area, title rows repeated on every page); set them on the Page Layout tab before printing',
  ),
  where: say(
    'Excel 2021 及以后版本、Microsoft 365 版 Excel、网页版 Excel、Mac 版 Excel 16.24 及以后版本和 iPad 版 Excel 支持（ExcelApi 1.9）',
    'Excel 2021 or later, Excel for Microsoft 365, Excel on the web, Excel for Mac 16.24 or later and Excel on iPad have it (ExcelApi 1.9)',
  ),
};

function minorOf(version: string | undefined): number {
  const m = /^1\.(\d+)$/.exec(version ?? '1.1');
  return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
}
