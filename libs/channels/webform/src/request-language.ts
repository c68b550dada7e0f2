import type { Request } from 'express';
import { Language, toLanguage } from '@kontakt/core';

/** The page language: `?lang=` or the form's hidden `lang` field, else Danish. */
export function pageLanguage(request: Request, fields?: Record<string, unknown>): Language {
  return toLanguage(request.query.lang ?? fields?.lang);
}

/** The API's message language: the first of Accept-Language that we speak, else English. */
export function apiLanguage(request: Request): Language {
  const first = (request.headers['accept-language'] ?? '').split(',')[0].trim().slice(0, 2).toLowerCase();
  return first === 'da' ? 'da' : 'en';
}
