import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Bilingual } from '../../../shared';
import { progressLabel, translate, type Lang, type Params, type StringKey } from './strings';

/** The pane's language and its string lookups. */
export interface I18n {
  readonly lang: Lang;
  setLang(lang: Lang): void;
  t(key: StringKey, params?: Params): string;
  /** A bilingual message (the core's, or an error's) in the pane's language. */
  said(message: Bilingual): string;
  progress(label: string): string;
}

const I18nContext = createContext<I18n | null>(null);

/** Provides the language chosen in the header to every component below. */
export function I18nProvider({
  lang,
  setLang,
  children,
}: {
  lang: Lang;
  setLang(lang: Lang): void;
  children: ReactNode;
}) {
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      said: (message) => message[lang],
      progress: (label) => progressLabel(lang, label),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The pane's language and strings. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
