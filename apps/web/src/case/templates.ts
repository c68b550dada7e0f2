// Reply templates from the server, in Danish and English, and the placeholders the composer fills in
// from the case it answers: {navn}, {sag}, {emne}, {medarbejder}.
import { api } from '../api';
import type { CaseDetail } from '../types';

export interface ReplyTemplate {
  id: string;
  name: { da: string; en: string };
  body: { da: string; en: string };
  position: number;
}

export interface ReplyTemplates {
  placeholders: { name: string; meaning: string }[];
  items: ReplyTemplate[];
}

export const loadTemplates = () => api.get<ReplyTemplates>('/reply-templates');

/** The template's text in the case's language with each known placeholder replaced; others stay as written. */
export function fillTemplate(template: ReplyTemplate, detail: CaseDetail, staffName: string): string {
  const language = detail.language === 'en' ? 'en' : 'da';
  const values: Record<string, string> = { navn: detail.citizen.name ?? '', sag: detail.reference, emne: detail.subject, medarbejder: staffName };
  return template.body[language].replace(/\{([^{}\s]{1,40})\}/g, (whole, name: string) => values[name] ?? whole);
}
