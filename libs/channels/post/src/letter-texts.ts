import type { Language } from '@kontakt/core';

/** The fixed words of an outgoing letter, in the case's language. */
export const LETTER_TEXTS: Record<Language, { date: string; reference: string; regarding: string; closing: string; page: (n: number, of: number) => string; locale: string }> = {
  da: { date: 'Dato', reference: 'Sagsnr.', regarding: 'Vedrørende', closing: 'Med venlig hilsen', page: (n, of) => `Side ${n} af ${of}`, locale: 'da-DK' },
  en: { date: 'Date', reference: 'Our reference', regarding: 'Regarding', closing: 'Kind regards', page: (n, of) => `Page ${n} of ${of}`, locale: 'en-GB' },
};

/** The letter's date as the reader writes it, on the municipality's calendar day. */
export function letterDate(at: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(LETTER_TEXTS[language].locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(at);
}
