import { Caption1, Checkbox, Label, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { deriveState, type AppealCase } from '../../../shared';
import { useCommonStyles } from '../common/styles';
import { useI18n } from '../i18n/I18nContext';

/** The open appeals a meeting may take up, those awaiting a meeting first. */
export function openCases(cases: readonly AppealCase[], today: string): AppealCase[] {
  const open = cases.filter((c) => c.appeal.id && !deriveState(c, today).closed);
  const waiting = (c: AppealCase) => (deriveState(c, today).stage === 'awaitingMeeting' ? 0 : 1);
  return open.sort((a, b) => waiting(a) - waiting(b));
}

const useStyles = makeStyles({
  // Dozens of open appeals must not push the meeting form off the pane.
  list: { maxHeight: '240px', overflowY: 'auto', paddingInlineEnd: tokens.spacingHorizontalS },
});

/** Check boxes for the topics of a meeting: 编号, category and content (never the appellant). */
export function TopicChooser({
  cases,
  chosen,
  onChange,
}: {
  cases: readonly AppealCase[];
  chosen: readonly string[];
  onChange(ids: string[]): void;
}) {
  const styles = useCommonStyles();
  const own = useStyles();
  const { t } = useI18n();
  const labelId = useId();
  if (cases.length === 0) return <Caption1>{t('planner.noTopics')}</Caption1>;
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  return (
    // A Field would give every box the same id; the boxes are a labelled group instead.
    <div className={styles.stack} role="group" aria-labelledby={labelId}>
      <Label id={labelId}>{t('planner.topics')}</Label>
      <div className={own.list}>
        {cases.slice(0, 100).map(({ appeal: a }) => (
          <Checkbox
            key={a.id}
            checked={chosen.includes(a.id ?? '')}
            onChange={(_, d) => toggle(a.id ?? '', d.checked === true)}
            label={`${a.id} ${a.category ?? ''} ${a.content ?? ''}`}
          />
        ))}
      </div>
    </div>
  );
}
