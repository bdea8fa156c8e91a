import type { Bilingual } from '../../../shared';
import { en, EN_PROGRESS } from './en';
import { zh, type StringKey } from './zh';

export type { StringKey };

/** The pane's languages: Chinese by default, English switchable. */
export type Lang = 'zh' | 'en';

/** Values substituted for {name} placeholders. */
export type Params = Readonly<Record<string, string | number>>;

const TABLES: Readonly<Record<Lang, Readonly<Record<StringKey, string>>>> = { zh, en };

/** A string in a language, with its placeholders filled. */
export function translate(lang: Lang, key: StringKey, params: Params = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A string in both languages, for messages that travel with data (like the core's). */
export const both = (key: StringKey, params?: Params): Bilingual => ({
  zh: translate('zh', key, params),
  en: translate('en', key, params),
});

/** A progress label from the Excel layer (Chinese) in the pane's language. */
export function progressLabel(lang: Lang, label: string): string {
  if (lang === 'zh') return label;
  return EN_PROGRESS[label.replace(/[，、,\s]/g, '')] ?? label;
}
