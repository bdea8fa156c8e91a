import type { CreateWorkbook } from '../excel/managementCopy';
import { bytesOfBase64, offerDownload } from '../taskpane/common/download';

/**
 * The preview's stand-in for Excel.createWorkbook: there is no Excel to open a new workbook in, so
 * the .xlsx is offered as a download, which a person (or the end-to-end test) can open; a file
 * name given with the workbook (a workshop's topic book) replaces the default.
 */
export const downloadWorkbook =
  (fileName: string): CreateWorkbook =>
  async (base64, named) =>
    offerDownload(
      bytesOfBase64(base64),
      named ?? fileName,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
