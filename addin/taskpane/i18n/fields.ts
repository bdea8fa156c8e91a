import type { FieldDef } from '../../../shared';
import type { Lang } from './strings';

/** camelCase key → "Camel case", the English name of a column. */
const humanize = (key: string): string => {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bid\b/g, 'ID');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * A field's label. The sheets keep the handbook's Chinese headers in either language, so the
 * English label names the header too: clerks find the column by it.
 */
export const fieldLabel = (field: FieldDef, lang: Lang): string =>
  lang === 'zh' ? field.header : `${humanize(field.key)} · ${field.header}`;

/** A setting's label: the 设置 sheet's Chinese item, named in English too when the pane is. */
export const settingLabel = (item: { readonly key: string; readonly label: string }, lang: Lang): string =>
  lang === 'zh' ? item.label : `${humanize(item.key)} · ${item.label}`;
