import {
  Badge,
  Caption1,
  List,
  ListItem,
  Text,
  makeStyles,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { DEADLINE_TEXT, type AppealDeadline, type DeadlineStatus } from '../../../shared';
import { useI18n } from '../i18n/I18nContext';

const COLOR: Readonly<Record<DeadlineStatus, BadgeProps['color']>> = {
  upcoming: 'informative',
  dueSoon: 'warning',
  overdue: 'danger',
  met: 'success',
  late: 'severe',
};

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
});

/** An appeal's deadlines on the working-day calendar, each with where it stands. */
export function DeadlineList({ deadlines }: { deadlines: readonly AppealDeadline[] }) {
  const styles = useStyles();
  const { t, said } = useI18n();
  if (deadlines.length === 0) return <Caption1>{t('status.noDeadlines')}</Caption1>;
  return (
    <List aria-label={t('status.deadlines')}>
      {deadlines.map((d) => (
        <ListItem key={d.kind} className={styles.item}>
          <Text>
            {said(DEADLINE_TEXT[d.kind])}{' '}
            <Badge appearance="tint" color={COLOR[d.status]}>
              {t(`deadline.${d.status}`)}
            </Badge>
          </Text>
          <Caption1>
            {t('deadline.due', { date: d.due })}
            {d.doneOn ? t('deadline.doneOn', { date: d.doneOn }) : ''}
            {d.department ? ` · ${d.department}` : ''}
          </Caption1>
          {d.warning && <Caption1>{said(d.warning)}</Caption1>}
        </ListItem>
      ))}
    </List>
  );
}
