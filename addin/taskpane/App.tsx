import { FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { I18nProvider } from './i18n/I18nContext';
import type { Lang } from './i18n/strings';
import type { PaneOperations } from './operations';
import { Header } from './pane/Header';
import { PaneProvider } from './pane/PaneContext';
import { SelectionBar } from './pane/SelectionBar';
import { StepFooter } from './pane/StepFooter';
import { StepNav } from './pane/StepNav';
import { StepView } from './pane/StepView';
import type { StepId } from './pane/steps';

/** How the pane starts: its language, the day it counts from, the step it opens on. */
export interface PaneOptions {
  readonly language?: Lang;
  /** YYYY-MM-DD; the clerk's local date by default. */
  readonly today: string;
  readonly initialStep?: StepId;
  /** Called when the clerk switches language, so the host can remember it. */
  onLanguageChange?(lang: Lang): void;
}

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
});

/** The task pane: header, step tabs, the selected row, the current step, and previous/next. */
export function App({ operations, options }: { operations: PaneOperations; options: PaneOptions }) {
  const styles = useStyles();
  const [lang, setLangState] = useState<Lang>(options.language ?? 'zh');
  const [step, setStep] = useState<StepId>(options.initialStep ?? 'workbook');
  const { onLanguageChange } = options;
  const setLang = useCallback(
    (next: Lang) => {
      setLangState(next);
      onLanguageChange?.(next);
    },
    [onLanguageChange],
  );
  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en-US'}>
      <I18nProvider lang={lang} setLang={setLang}>
        <PaneProvider operations={operations} today={options.today}>
          <div className={styles.pane}>
            <Header />
            <StepNav step={step} onChange={setStep} />
            <SelectionBar />
            <StepView step={step} />
            <StepFooter step={step} onChange={setStep} />
          </div>
        </PaneProvider>
      </I18nProvider>
    </FluentProvider>
  );
}
