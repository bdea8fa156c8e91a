import { Badge, Caption1, Link, List, ListItem, makeStyles, tokens } from '@fluentui/react-components';
import type { AddressedProblem } from '../../excel/check';
import { useI18n } from '../i18n/I18nContext';

const SHOWN = 100;

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    paddingBlock: tokens.spacingVerticalXS,
  },
});

/** Where a problem is, as a clerk reads it: sheet, cell and column. */
const placeOf = (p: AddressedProblem): string => {
  const cell = p.address.slice(p.address.lastIndexOf('!') + 1);
  return [p.sheet, cell !== p.address ? cell : '', p.header].filter(Boolean).join(' ');
};

/** The problems found, errors first; choosing one selects its cell on the sheet. */
export function ProblemList({
  problems,
  onSelect,
}: {
  problems: readonly AddressedProblem[];
  onSelect(address: string): void;
}) {
  const styles = useStyles();
  const { t, said } = useI18n();
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <>
      <List aria-label={t('step.check.title')}>
        {sorted.slice(0, SHOWN).map((p, i) => (
          <ListItem key={`${p.address}|${p.code}|${i}`} className={styles.item}>
            <Link as="button" onClick={() => onSelect(p.address)}>
              <Badge size="small" appearance="tint" color={p.severity === 'error' ? 'danger' : 'warning'}>
                {t(p.severity === 'error' ? 'check.error' : 'check.warning')}
              </Badge>{' '}
              {placeOf(p)}
            </Link>
            <Caption1>{said(p.message)}</Caption1>
          </ListItem>
        ))}
      </List>
      {sorted.length > SHOWN && <Caption1>{t('check.more', { count: sorted.length - SHOWN })}</Caption1>}
    </>
  );
}
