import { escapeHtml as escape } from '@kontakt/core';

export { escape };

/** No script runs on these pages; styles are inline. */
export const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export type PageLanguage = 'da' | 'en';

export const pageLanguage = (value: unknown): PageLanguage => (value === 'en' ? 'en' : 'da');

/** øre as kroner with Danish or English digit grouping, e.g. 1.234,50 kr. / DKK 1,234.50. */
export function money(minor: number | null, currency: string, lang: PageLanguage): string {
  if (minor === null) return '–';
  return new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { style: 'currency', currency, maximumFractionDigits: 0 }).format(minor / 100);
}

export function duration(seconds: number | null, lang: PageLanguage): string {
  if (seconds === null) return '–';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} ${lang === 'da' ? 't' : 'h'}`;
  return `${(seconds / 86_400).toFixed(1)} ${lang === 'da' ? 'd' : 'days'}`;
}
