import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { formulaBarContent, visibleCells } from './cells';
import { FormulaBar } from './FormulaBar';
import type { ObservedWorkbook } from './observed';
import { SheetGrid } from './SheetGrid';
import { SheetTabs } from './SheetTabs';
import { useWorkbookVersion } from './useWorkbookVersion';

const useStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minWidth: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  more: { padding: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3 },
});

/** The simulated workbook as a person sees Excel: formula bar, grid, sheet tabs; cells are editable. */
export function WorkbookView({ book }: { book: ObservedWorkbook }) {
  const styles = useStyles();
  const version = useWorkbookVersion(book);
  const sheets = useMemo(() => book.sim.sheetNames(), [book, version]);
  const selection = useMemo(() => (sheets.length ? book.sim.selection() : null), [book, sheets, version]);
  // The grid shows the sheet of the selection, as Excel does: the pane selecting a problem's cell
  // on another sheet, or a tab click, both move it.
  const active = selection?.sheet ?? sheets[0] ?? '';
  const { rows, more } = useMemo(
    () => (active ? visibleCells(book.sim, active) : { rows: [], more: 0 }),
    [book, active, version],
  );
  const pictures = useMemo(() => (active ? book.sim.pictures(active) : []), [book, active, version]);
  const address = selection?.sheet === active ? selection.address.replace(/:.*$/, '') : null;
  const content = address ? formulaBarContent(book.sim, active, address) : '';
  const select = (sheet: string, cell: string): void => {
    void book.run(async (context) => {
      // Excel selects only on the active sheet (office-js issue 5118): a tab click activates it.
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  };
  return (
    <div className={styles.view}>
      <FormulaBar
        address={address}
        content={content}
        onCommit={(text) => {
          if (!address) return;
          book.sim.setValues(active, address, [[text]]);
          book.changed();
        }}
      />
      <SheetGrid
        rows={rows}
        selected={address}
        onSelect={(cell) => select(active, cell)}
        pictures={pictures}
      />
      {more > 0 && <Text className={styles.more}>（下方还有 {more} 行未显示）</Text>}
      <SheetTabs sheets={sheets} active={active} onSelect={(s) => select(s, 'A1')} />
    </div>
  );
}
