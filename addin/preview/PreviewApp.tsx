import { FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import type { PaneOperations } from '../taskpane/operations';
import type { ObservedWorkbook } from './observed';
import { WorkbookView } from './WorkbookView';

const useStyles = makeStyles({
  page: { display: 'flex', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  book: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  pane: {
    width: '380px',
    flexShrink: 0,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
  },
});

/** The preview: the simulated workbook as a grid beside the real task pane working on it. */
export function PreviewApp({
  book,
  operations,
  today,
}: {
  book: ObservedWorkbook;
  operations: PaneOperations;
  today: string;
}) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <div className={styles.book}>
          <WorkbookView book={book} />
        </div>
        <aside className={styles.pane} aria-label="任务窗格">
          <App operations={operations} options={{ today }} />
        </aside>
      </div>
    </FluentProvider>
  );
}
