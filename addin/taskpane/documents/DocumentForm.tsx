import { Button, Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { joinSaid, periodRange, quarterOf, readDate } from '../../../shared';
import { DOCUMENTS } from '../../documents/catalog';
import type { Answers, DocumentKind, Question } from '../../documents/model';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { ProgressView } from '../common/ProgressView';
import { useCommonStyles } from '../common/styles';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import type { DocumentOperations, DocumentOutcome } from '../operations';
import { usePane } from '../pane/PaneContext';
import { selectedAppealId } from '../pane/selectors';
import { QuestionFields } from './QuestionFields';

type PrintedOutcome = Extract<DocumentOutcome, { status: 'printed' }>;

/** Chooses a document and generates it; what the workbook does not say is asked for, never printed as XXX. */
export function DocumentForm({
  kinds,
  documents,
}: {
  kinds: readonly DocumentKind[];
  documents: DocumentOperations;
}) {
  const styles = useCommonStyles();
  const { t, said } = useI18n();
  const { workbook, selection, today, operations } = usePane();
  const cloud = operations.cloud;
  const meetings = (workbook?.check.meetings ?? []).flatMap((m) => (m.id ? [m.id] : []));
  const [kind, setKind] = useState<DocumentKind>(kinds[0] as DocumentKind);
  const [issuedOn, setIssuedOn] = useState(today);
  const [meetingId, setMeetingId] = useState(meetings[meetings.length - 1] ?? '');
  const workshops = [
    ...new Set((workbook?.check.read.topics?.rows ?? []).map((r) => String(r.values['workshop'] ?? ''))),
  ].filter(Boolean);
  const [workshop, setWorkshop] = useState('');
  const [showAppellant, setShowAppellant] = useState(false);
  // A period document (分类表 without a meeting, 办理结果公示) covers this quarter up to today unless changed.
  const [from, setFrom] = useState(periodRange(quarterOf(today)).from);
  const [to, setTo] = useState(today);
  const [answers, setAnswers] = useState<Answers>({});
  const [questions, setQuestions] = useState<readonly Question[]>([]);
  const [missing, setMissing] = useState<NonNullable<PrintedOutcome['missing']>>([]);
  const task = useTask<string>();
  const date = readDate(issuedOn);
  const subject = DOCUMENTS[kind].subject;
  const appealId = selectedAppealId(selection) ?? '';
  const byPeriod = subject === 'period' || (kind === 'classification' && meetingId === '');
  const fromDate = readDate(from);
  const toDate = readDate(to);
  const periodOk = !byPeriod || (typeof fromDate === 'string' && typeof toDate === 'string');
  const generate = () =>
    task.run(async (progress) => {
      const request = {
        kind,
        issuedOn: typeof date === 'string' ? date : today,
        meetingId,
        appealId,
        workshop: workshop || (workshops[0] ?? ''),
        showAppellant,
        ...(byPeriod && typeof fromDate === 'string' && typeof toDate === 'string'
          ? { from: fromDate, to: toDate }
          : {}),
      };
      // The 实施意见 and a meeting's notice and sign-in sheet carry a QR code once the cloud can give its link.
      const qrLink = await cloud?.phone?.documentLink(request);
      const outcome = await documents.generate(
        { ...request, ...(qrLink ? { qrLink } : {}) },
        answers,
        progress,
      );
      setQuestions(outcome.status === 'questions' ? outcome.questions : []);
      setMissing(outcome.status === 'printed' ? (outcome.missing ?? []) : []);
      if (outcome.status === 'blocked')
        throw Object.assign(new Error(said(outcome.reason)), { reason: outcome.reason });
      if (outcome.status !== 'printed') return t('docs.questions');
      return t(outcome.missing?.length ? 'docs.written' : 'docs.printed', { sheet: outcome.sheet });
    });
  return (
    <div className={styles.stack}>
      <Field label={t('docs.kind')}>
        <Select value={kind} onChange={(_, d) => (setKind(d.value as DocumentKind), setQuestions([]))}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {said(DOCUMENTS[k].name)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('docs.issuedOn')}
        validationState={typeof date === 'string' ? 'none' : 'error'}
        validationMessage={typeof date === 'string' ? undefined : t('form.datePlaceholder')}
      >
        <Input value={issuedOn} onChange={(_, d) => setIssuedOn(d.value)} />
      </Field>
      {subject === 'appeal' && (
        <Notice intent={appealId ? 'info' : 'warning'}>
          {appealId
            ? t('common.labelled', { label: t('docs.appeal'), value: appealId })
            : t('docs.selectAppeal')}
        </Notice>
      )}
      {subject === 'workshop' && workshops.length > 0 && (
        <Field label={t('topicBook.workshop')}>
          <Select value={workshop || workshops[0]} onChange={(_, d) => setWorkshop(d.value)}>
            {workshops.map((w) => (
              <option key={w}>{w}</option>
            ))}
          </Select>
        </Field>
      )}
      {subject === 'meeting' && (
        <Field label={t('docs.meeting')}>
          <Select value={meetingId} onChange={(_, d) => setMeetingId(d.value)}>
            {kind === 'classification' && <option value="">{t('docs.byPeriod')}</option>}
            {meetings.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </Select>
        </Field>
      )}
      {byPeriod && (
        <>
          <Field
            label={t('docs.from')}
            validationState={typeof fromDate === 'string' ? 'none' : 'error'}
            validationMessage={typeof fromDate === 'string' ? undefined : t('form.datePlaceholder')}
          >
            <Input value={from} onChange={(_, d) => setFrom(d.value)} />
          </Field>
          <Field
            label={t('docs.to')}
            validationState={typeof toDate === 'string' ? 'none' : 'error'}
            validationMessage={typeof toDate === 'string' ? undefined : t('form.datePlaceholder')}
          >
            <Input value={to} onChange={(_, d) => setTo(d.value)} />
          </Field>
        </>
      )}
      {kind === 'appealForm' && (
        <Checkbox
          checked={showAppellant}
          onChange={(_, d) => setShowAppellant(d.checked === true)}
          label={t('docs.showAppellant')}
        />
      )}
      <QuestionFields
        questions={questions}
        answers={answers}
        onAnswer={(f, v) => setAnswers((a) => ({ ...a, [f]: v }))}
      />
      <Button
        appearance="primary"
        disabled={task.busy || typeof date !== 'string' || !periodOk || (subject === 'appeal' && !appealId)}
        onClick={() => void generate()}
      >
        {t('docs.generate')}
      </Button>
      {task.busy && <ProgressView progress={task.progress} />}
      <Notice intent={questions.length ? 'warning' : 'success'}>{task.result}</Notice>
      {!task.busy && missing.length > 0 && (
        <Notice intent="warning">
          {t('docs.notSetUp') + said(joinSaid(missing.flatMap((m) => [m.what, m.where])))}
        </Notice>
      )}
      <ErrorBar error={task.error} />
    </div>
  );
}
