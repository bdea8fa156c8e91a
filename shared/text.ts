/** A message shown to the user, always in both of the product's languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Builds a bilingual message. */
export const say = (zh: string, en: string): Bilingual => ({ zh, en });

/** Joins bilingual messages with the separators each language expects. */
export function joinSaid(parts: readonly Bilingual[]): Bilingual {
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}
