/** Languages every user-visible text is written in. Danish is the default. */
export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';

export function toLanguage(value: unknown): Language {
  return value === 'en' ? 'en' : DEFAULT_LANGUAGE;
}

/** A text in both languages. */
export interface Bilingual {
  da: string;
  en: string;
}
