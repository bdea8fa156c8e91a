import { makeStyles, tokens } from '@fluentui/react-components';
import { columnLetter } from '../excel/columns';
import type { ShapeSnapshot } from '../simulator/snapshot/types';
import type { GridCell } from './cells';

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    flexGrow: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    position: 'relative',
  },
  picture: { position: 'absolute', zIndex: 2, boxShadow: tokens.shadow4 },
  grid: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  head: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    zIndex: 1,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    textAlign: 'right',
    paddingRight: '4px',
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
    minWidth: '64px',
    maxWidth: '220px',
    height: '20px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    cursor: 'cell',
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

/** The visible block of a sheet as a spreadsheet grid; clicking a cell selects it. */
export function SheetGrid({
  rows,
  selected,
  onSelect,
  pictures = [],
}: {
  rows: readonly (readonly GridCell[])[];
  selected: string | null;
  onSelect(address: string): void;
  /** The sheet's pictures (Worksheet.shapes), drawn over the cells near where Excel places them. */
  pictures?: readonly ShapeSnapshot[];
}) {
  const styles = useStyles();
  const width = rows[0]?.length ?? 0;
  return (
    <div className={styles.scroller}>
      <table className={styles.grid} role="grid" aria-label="工作表内容">
        <thead>
          <tr>
            <th className={styles.head} />
            {Array.from({ length: width }, (_, c) => (
              <th key={c} className={styles.head} scope="col">
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              <th className={styles.rowHead} scope="row">
                {r + 1}
              </th>
              {row.map((cell) => (
                <td
                  key={cell.address}
                  data-address={cell.address}
                  title={cell.text}
                  className={`${styles.cell} ${cell.address === selected ? styles.selected : ''}`}
                  style={cell.fill ? { backgroundColor: cell.fill } : undefined}
                  onClick={() => onSelect(cell.address)}
                >
                  {/^https?:\/\/\S+$/.test(cell.text) ? (
                    // Excel makes a typed address a hyperlink; the preview lets it be opened the same way.
                    <a href={cell.text} target="_blank" rel="noreferrer">
                      {cell.text}
                    </a>
                  ) : (
                    cell.text
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {pictures.map((p) => (
        <img
          key={p.id}
          className={styles.picture}
          src={`data:image/${p.format.toLowerCase()};base64,${p.base64}`}
          alt={p.altTextDescription || p.altTextTitle || p.name}
          data-picture={p.name}
          // Points to CSS pixels (96/72), past the row and column headers (about 32 × 22 px).
          style={{
            left: `${32 + (p.left * 4) / 3}px`,
            top: `${22 + (p.top * 4) / 3}px`,
            width: `${(p.width * 4) / 3}px`,
            height: `${(p.height * 4) / 3}px`,
          }}
        />
      ))}
    </div>
  );
}
