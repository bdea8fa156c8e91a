import type { CreateWorkbook } from '../excel/managementCopy';

/**
 * The preview's stand-in for Excel.createWorkbook: there is no Excel to open a new workbook in, so
 * the .xlsx is offered as a download, which a person (or the end-to-end test) can open; a file
 * name given with the workbook (a workshop's topic book) replaces the default.
 */
export const downloadWorkbook =
  (fileName: string): CreateWorkbook =>
  async (base64, named) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(
      new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = named ?? fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
