import { Button, Title3, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
});

/** The pane's title and the language switch. */
export function Header() {
  const styles = useStyles();
  const { t, lang, setLang } = useI18n();
  return (
    <header className={styles.header}>
      <Title3 as="h1">{t('app.title')}</Title3>
      <Tooltip content={t('app.switchLanguageHint')} relationship="description">
        <Button
          size="small"
          appearance="subtle"
          lang={lang === 'zh' ? 'en' : 'zh'}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('app.switchLanguage')}
        </Button>
      </Tooltip>
    </header>
  );
}
