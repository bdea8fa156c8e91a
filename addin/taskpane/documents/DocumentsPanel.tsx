import type { DocumentKind } from '../../documents/model';
import { Section } from '../common/Section';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import { DocumentForm } from './DocumentForm';

/** A step's printable documents, when the documents module is present and makes them. */
export function DocumentsPanel({ kinds }: { kinds: readonly DocumentKind[] }) {
  const { t } = useI18n();
  const { documents } = usePane().operations;
  const available = kinds.filter((k) => documents?.kinds.includes(k));
  if (!documents || available.length === 0) return null;
  return (
    <Section title={t('docs.title')}>
      <DocumentForm kinds={available} documents={documents} />
    </Section>
  );
}
