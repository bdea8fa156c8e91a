import { Button, Caption1, List, ListItem, makeStyles, tokens } from '@fluentui/react-components';
import type { CloudOperations } from '../../cloud/operations';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS } });

/** Records changed both here and in the cloud: the clerk chooses, nothing is overwritten silently. */
export function ConflictList({ cloud, onResolved }: { cloud: CloudOperations; onResolved(): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const conflicts = cloud.conflicts();
  if (conflicts.length === 0) return null;
  const choose = (register: string, key: string, choice: 'mine' | 'theirs') =>
    void cloud.resolve(register, key, choice).then(onResolved);
  return (
    <List aria-label={t('cloud.conflicts', { count: conflicts.length })}>
      {conflicts.map((c) => (
        <ListItem key={`${c.register}|${c.key}`}>
          <Caption1>{t('cloud.conflict', { register: c.register, key: c.key })}</Caption1>
          <div className={styles.actions}>
            <Button size="small" onClick={() => choose(c.register, c.key, 'mine')}>
              {t('cloud.keepMine')}
            </Button>
            <Button size="small" onClick={() => choose(c.register, c.key, 'theirs')}>
              {t('cloud.takeTheirs')}
            </Button>
          </div>
        </ListItem>
      ))}
    </List>
  );
}
