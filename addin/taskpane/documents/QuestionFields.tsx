import { Field, Input } from '@fluentui/react-components';
import type { Answers, Question } from '../../documents/model';
import { useI18n } from '../i18n/I18nContext';

/** The inputs for what a document still needs, each with why an earlier answer was refused. */
export function QuestionFields({
  questions,
  answers,
  onAnswer,
}: {
  questions: readonly Question[];
  answers: Answers;
  onAnswer(field: string, value: string): void;
}) {
  const { t, lang, said } = useI18n();
  return (
    <>
      {questions.map((q) => (
        <Field
          key={q.field}
          label={lang === 'zh' ? q.zh : q.en}
          required
          validationState={q.problem ? 'error' : 'none'}
          validationMessage={q.problem ? said(q.problem) : undefined}
        >
          <Input
            value={answers[q.field] ?? ''}
            placeholder={q.kind === 'date' ? t('form.datePlaceholder') : undefined}
            onChange={(_, d) => onAnswer(q.field, d.value)}
          />
        </Field>
      ))}
    </>
  );
}
