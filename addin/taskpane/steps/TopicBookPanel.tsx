import { Body1, Button, Caption1, Checkbox, Field, Input, Label, Select } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Bilingual, TopicRecord } from '../../../shared';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { ProgressView } from '../common/ProgressView';
import { Section } from '../common/Section';
import { useCommonStyles } from '../common/styles';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import type { TopicAppealReport, TopicBookExport, TopicBookImport } from '../operations';
import { usePane } from '../pane/PaneContext';
import { listsOf } from '../pane/selectors';

type TopicRow = { readonly row: number; readonly values: Partial<TopicRecord> };

/**
 * Step 3's topic books: export a workshop's book as a standalone .xlsx for a workshop without the
 * add-in (or on WPS), import filled books back with a report, and turn chosen topics into appeals.
 */
export function TopicBookPanel() {
  const styles = useCommonStyles();
  const { t, said } = useI18n();
  const { operations, workbook, today, reloadWorkbook } = usePane();
  const rows: TopicRow[] = (workbook?.check.read.topics?.rows ?? []).map((r) => ({
    row: r.row,
    values: r.values as Partial<TopicRecord>,
  }));
  const known = [...new Set(rows.flatMap((r) => (r.values.workshop ? [r.values.workshop] : [])))];
  const [typed, setTyped] = useState('');
  const [picked, setPicked] = useState('');
  const workshop = (typed.trim() || picked || known[0]) ?? '';
  const categories = listsOf(workbook).category;
  const [category, setCategory] = useState('');
  const [chosen, setChosen] = useState<number[]>([]);
  const exporting = useTask<TopicBookExport>();
  const importing = useTask<TopicBookImport>();
  const turning = useTask<TopicAppealReport>();
  const groupId = useId();
  const fileId = useId();
  const mine = rows
    .filter((r) => r.values.workshop === workshop)
    .sort((a, b) => (a.values.seq ?? 0) - (b.values.seq ?? 0));
  const { exportTopicBook, importTopicBook, topicsToAppeals } = operations;

  const onFile = (file: File | undefined) => {
    if (!file || !importTopicBook) return;
    void importing.run(async () => {
      const report = await importTopicBook(new Uint8Array(await file.arrayBuffer()), file.name, today);
      if (report.append.length) await reloadWorkbook();
      return report;
    });
  };
  const turn = () => {
    if (!topicsToAppeals) return;
    const topics = mine
      .filter((r) => chosen.includes(r.row))
      .map((r) => ({ row: r.row, workshop: r.values.workshop ?? '', seq: r.values.seq ?? 0 }));
    void turning.run(async () => {
      const report = await topicsToAppeals(topics, category || (categories[0] ?? ''), today);
      setChosen([]);
      if (report.created.length) await reloadWorkbook();
      return report;
    });
  };
  const list = (messages: readonly Bilingual[]) =>
    messages.slice(0, 50).map((m, i) => (
      <Caption1 key={i} block>
        {said(m)}
      </Caption1>
    ));
  const imported = importing.result;
  const turned = turning.result;

  return (
    <Section title={t('topicBook.title')}>
      <Body1>{t('topicBook.intro')}</Body1>
      {known.length > 0 && (
        <Field label={t('topicBook.workshop')}>
          <Select value={picked || known[0]} onChange={(_, d) => (setPicked(d.value), setChosen([]))}>
            {known.map((w) => (
              <option key={w}>{w}</option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t('topicBook.otherWorkshop')}>
        <Input value={typed} onChange={(_, d) => (setTyped(d.value), setChosen([]))} />
      </Field>
      {exportTopicBook && (
        <Button
          disabled={exporting.busy || !workshop}
          onClick={() => void exporting.run((progress) => exportTopicBook(workshop, today, progress))}
        >
          {t('topicBook.export', { workshop })}
        </Button>
      )}
      {exporting.busy && <ProgressView progress={exporting.progress} />}
      <Notice>
        {exporting.result ? t('topicBook.exported', { file: exporting.result.fileName }) : null}
      </Notice>
      <ErrorBar error={exporting.error} />

      {importTopicBook && (
        <div className={styles.stack}>
          <Label htmlFor={fileId}>{t('topicBook.import')}</Label>
          <input
            id={fileId}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={importing.busy}
            onChange={(e) => (onFile(e.target.files?.[0]), (e.target.value = ''))}
          />
        </div>
      )}
      <Notice
        intent={imported && (imported.conflicts.length || imported.invalid.length) ? 'warning' : 'success'}
      >
        {imported
          ? t('topicBook.imported', {
              file: imported.fileName,
              added: imported.append.length,
              same: imported.unchanged.length,
              conflicts: imported.conflicts.length,
              invalid: imported.invalid.length,
            })
          : null}
      </Notice>
      {imported && list(imported.messages)}
      <ErrorBar error={importing.error} />

      {topicsToAppeals && (
        <div className={styles.stack} role="group" aria-labelledby={groupId}>
          <Label id={groupId}>{t('topicBook.turnTitle', { workshop })}</Label>
          {mine.length === 0 && <Caption1>{t('topicBook.noTopics')}</Caption1>}
          {mine.map((r) =>
            r.values.appealId ? (
              <Caption1 key={r.row}>
                {t('topicBook.alreadyAppeal', {
                  seq: r.values.seq ?? '',
                  content: r.values.content ?? '',
                  id: r.values.appealId,
                })}
              </Caption1>
            ) : (
              <Checkbox
                key={r.row}
                checked={chosen.includes(r.row)}
                onChange={(_, d) =>
                  setChosen((c) => (d.checked === true ? [...c, r.row] : c.filter((x) => x !== r.row)))
                }
                label={`${r.values.seq ?? ''} ${r.values.content ?? ''}`}
              />
            ),
          )}
          <Field label={t('topicBook.category')}>
            <Select value={category || categories[0]} onChange={(_, d) => setCategory(d.value)}>
              {categories.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabled={turning.busy || chosen.length === 0} onClick={turn}>
            {t('topicBook.turn')}
          </Button>
          <Notice intent={turned?.refused.length ? 'warning' : 'success'}>
            {turned?.created.length
              ? t('topicBook.turned', { ids: turned.created.map((c) => c.appealId).join('、') })
              : null}
          </Notice>
          {turned && list(turned.refused.map((r) => r.reason))}
          <ErrorBar error={turning.error} />
        </div>
      )}
    </Section>
  );
}
