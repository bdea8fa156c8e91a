import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from './PaneContext';

const useStyles = makeStyles({
  button: { flexShrink: 0 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** Which register row is selected on the sheet, with a button to read it again. */
export function SelectionBar() {
  const styles = useStyles();
  const { t } = useI18n();
  const { selection, readSelection } = usePane();
  const id = selection ? selection.values.id || selection.values.appealId || selection.values.meetingId : '';
  return (
    <div className={styles.bar} role="status" aria-label={t('selection.title')}>
      <Caption1>
        {t('selection.label', {
          what: selection
            ? `${t('selection.row', { sheet: selection.sheet, row: selection.row })}${id ? ` · ${id}` : ''}`
            : t('selection.none'),
        })}
      </Caption1>
      <Button className={styles.button} size="small" onClick={() => void readSelection()}>
        {t('selection.read')}
      </Button>
    </div>
  );
}
