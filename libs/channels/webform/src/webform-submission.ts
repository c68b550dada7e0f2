import type { Language } from '@kontakt/core';
import { normaliseEmail, normalisePhone } from '@kontakt/citizens';
import { fieldError, FieldError } from './submission-errors';

export const LIMITS = { name: 200, email: 254, phone: 40, subject: 200, message: 20_000 };

/** The fields of the public form as they arrive, from HTML or JSON; anything may be missing or of the wrong type. */
export interface RawSubmission {
  name?: unknown;
  email?: unknown;
  phone?: unknown;
  topic?: unknown;
  subject?: unknown;
  message?: unknown;
  website?: unknown;
}

export interface ValidSubmission {
  name: string;
  email?: string;
  phone?: string;
  topic?: string;
  subject?: string;
  message: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '');

/** A message must carry some words; control characters other than newlines and tabs are refused. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Checks a submission field by field and says, in both languages, what to fix. `topics` are the
 * active topic slugs; the honeypot field `website` must stay empty (people never see it).
 */
export function validateSubmission(raw: RawSubmission, topics: string[]): { value?: ValidSubmission; errors: FieldError[] } {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(raw)) {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      errors.push(fieldError(field as FieldError['field'], `${field} skal være tekst`, `${field} must be text`));
    }
  }
  if (errors.length > 0) return { errors };

  if (str(raw.website) !== '') {
    errors.push(fieldError('website', 'Feltet "website" skal være tomt', 'The field "website" must be left empty'));
    return { errors };
  }
  const name = str(raw.name);
  const emailRaw = str(raw.email);
  const phoneRaw = str(raw.phone);
  const topic = str(raw.topic);
  const subject = str(raw.subject);
  const message = str(raw.message);

  if (!name) errors.push(fieldError('name', 'Skriv dit navn', 'Enter your name'));
  else if (name.length > LIMITS.name) errors.push(fieldError('name', `Navnet må højst være ${LIMITS.name} tegn`, `The name can be at most ${LIMITS.name} characters`));
  else if (CONTROL.test(name)) errors.push(fieldError('name', 'Navnet indeholder ugyldige tegn', 'The name contains characters that are not allowed'));

  const email = emailRaw ? normaliseEmail(emailRaw) : undefined;
  if (emailRaw && !email) errors.push(fieldError('email', 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk', 'Enter a valid email address, such as name@example.com'));
  const phone = phoneRaw ? (phoneRaw.length <= LIMITS.phone ? normalisePhone(phoneRaw) : undefined) : undefined;
  if (phoneRaw && !phone) errors.push(fieldError('phone', 'Skriv et gyldigt telefonnummer, fx 20 12 34 56 eller +45 20 12 34 56', 'Enter a valid phone number, such as +45 20 12 34 56'));
  if (!emailRaw && !phoneRaw) errors.push(fieldError('contact', 'Skriv din e-mail eller dit telefonnummer, så vi kan svare dig', 'Enter your email or phone number so we can answer you'));

  if (topic && !topics.includes(topic)) errors.push(fieldError('topic', 'Vælg et emne fra listen', 'Choose a topic from the list'));
  if (subject.length > LIMITS.subject) errors.push(fieldError('subject', `Overskriften må højst være ${LIMITS.subject} tegn`, `The subject can be at most ${LIMITS.subject} characters`));
  if (CONTROL.test(subject)) errors.push(fieldError('subject', 'Overskriften indeholder ugyldige tegn', 'The subject contains characters that are not allowed'));

  errors.push(...validateMessage(message));
  if (errors.length > 0) return { errors };
  return { value: { name, email, phone, topic: topic || undefined, subject: subject || undefined, message }, errors };
}

export function validateMessage(message: string): FieldError[] {
  if (!message) return [fieldError('message', 'Skriv din besked', 'Enter your message')];
  if (message.length > LIMITS.message) return [fieldError('message', `Beskeden må højst være ${LIMITS.message} tegn`, `The message can be at most ${LIMITS.message} characters`)];
  if (CONTROL.test(message)) return [fieldError('message', 'Beskeden indeholder ugyldige tegn', 'The message contains characters that are not allowed')];
  return [];
}

export const cleanMessage = (raw: unknown): string => str(raw);

/** One line in the chosen language, for an API error message. */
export const describe = (errors: FieldError[], language: Language): string => errors.map((e) => e[language]).join('; ');
