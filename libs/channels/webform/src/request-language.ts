import type { Request } from 'express';
import { Language, toLanguage } from '@kontakt/core';

/** The page language: `?lang=` or the form's hidden `lang` field, else Danish. */
export function pageLanguage(request: Request, fields?: Record<string, unknown>): Language {
  return toLanguage(request.query.lang ?? fields?.lang);
}

/** The language an API client states in Accept-Language's first tag, when it is one we speak. */
export function statedLanguage(request: Request): Language | undefined {
  const first = (request.headers['accept-language'] ?? '').split(',')[0].trim().slice(0, 2).toLowerCase();
  return first === 'da' || first === 'en' ? first : undefined;
}

/** The API's message language: the one the client states, else English. */
export function apiLanguage(request: Request): Language {
  return statedLanguage(request) ?? 'en';
}
