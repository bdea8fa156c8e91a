/**
 * LibreOffice (Debian's libreoffice-calc) as an independent spreadsheet engine: it opens an .xlsx
 * in its own throwaway profile, with recalculation on load forced, and writes every sheet as CSV.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The soffice binary, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return null;
}

// OOXMLRecalcMode 0 = always: a cached value in the file is never trusted.
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * One headless LibreOffice run: converts `files` with `filter` into `outdir`, in the throwaway
 * profile `profile` (so no user settings and no other instance interfere).
 */
export function convertInLibreOffice(
  soffice: string,
  o: {
    readonly profile: string;
    readonly filter: string;
    readonly outdir: string;
    readonly files: readonly string[];
  },
  timeoutMs = 180_000,
): void {
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${o.profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      o.filter,
      '--outdir',
      o.outdir,
      ...o.files,
    ],
    { timeout: timeoutMs, stdio: 'pipe' },
  );
}

/** Recalculates an .xlsx in LibreOffice and returns each sheet's cells as rows of strings. */
export function recalculate(soffice: string, xlsx: ArrayBuffer): Map<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'xieshang-lo-'));
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
  const file = join(dir, 'book.xlsx');
  writeFileSync(file, Buffer.from(xlsx));
  const out = join(dir, 'out');
  // Field 9 false: raw values, not as shown; field 12 -1: every sheet to its own file.
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  convertInLibreOffice(soffice, { profile, filter, outdir: out, files: [file] });
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(out)) {
    const m = /^book-(.*)\.csv$/.exec(name);
    if (m) sheets.set(m[1] as string, parseCsv(readFileSync(join(out, name), 'utf8')));
  }
  return sheets;
}

/** Parses CSV with double-quoted fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\n') {
      row.push(field);
      field = '';
      if (ch === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
