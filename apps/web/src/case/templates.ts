// Reply templates with placeholders, in the case's language: {navn}, {sag}, {emne}, {medarbejder}.
import type { CaseDetail } from '../types';

export interface ReplyTemplate {
  id: string;
  label: { da: string; en: string };
  text: { da: string; en: string };
}

export const REPLY_TEMPLATES: ReplyTemplate[] = [
  {
    id: 'received',
    label: { da: 'Kvittering', en: 'Acknowledgement' },
    text: {
      da: 'Kære {navn}\n\nTak for din henvendelse om "{emne}". Vi behandler den under sagsnummer {sag}.\n\nVenlig hilsen\n{medarbejder}',
      en: 'Dear {navn}\n\nThank you for your enquiry about "{emne}". We are handling it as case {sag}.\n\nKind regards\n{medarbejder}',
    },
  },
  {
    id: 'more-info',
    label: { da: 'Brug for flere oplysninger', en: 'Need more information' },
    text: {
      da: 'Kære {navn}\n\nFor at kunne hjælpe dig med sag {sag} har vi brug for flere oplysninger. Vil du svare på denne besked?\n\nVenlig hilsen\n{medarbejder}',
      en: 'Dear {navn}\n\nTo help you with case {sag} we need some more information. Could you reply to this message?\n\nKind regards\n{medarbejder}',
    },
  },
  {
    id: 'resolved',
    label: { da: 'Sagen er løst', en: 'Case resolved' },
    text: {
      da: 'Kære {navn}\n\nVi har nu afsluttet sag {sag}. Skriv endelig igen, hvis der er mere, vi kan hjælpe med.\n\nVenlig hilsen\n{medarbejder}',
      en: 'Dear {navn}\n\nWe have now resolved case {sag}. Please write again if there is anything more we can help with.\n\nKind regards\n{medarbejder}',
    },
  },
];

export function fillTemplate(template: ReplyTemplate, detail: CaseDetail, staffName: string): string {
  const language = detail.language === 'en' ? 'en' : 'da';
  const values: Record<string, string> = { navn: detail.citizen.name ?? '', sag: detail.reference, emne: detail.subject, medarbejder: staffName };
  return template.text[language].replace(/\{(navn|sag|emne|medarbejder)\}/g, (_, name: string) => values[name]);
}
