import { randomUUID } from 'node:crypto';
import type { TestServer } from './test-server';

export const WEBFORM_PATH = '/api/v1/public/webform';

export interface WebformFields {
  name: string;
  email?: string;
  phone?: string;
  topic?: string;
  subject?: string;
  message: string;
}

export interface SubmittedCase {
  id: string;
  reference: string;
  statusUrl: string;
}

export const uniqueEmail = (label = 'borger') => `${label}-${randomUUID().slice(0, 8)}@example.dk`;

/** A valid web-form submission; every field can be overridden. */
export const webformFields = (fields: Partial<WebformFields> = {}): WebformFields => ({
  name: 'Karen Hansen',
  email: uniqueEmail(),
  message: 'Hej. Jeg har et spørgsmål om min sag hos kommunen.',
  ...fields,
});

/** Submits the public JSON web form as a citizen and returns what the citizen is told. */
export async function submitWebform(server: TestServer, fields: Partial<WebformFields> = {}): Promise<Omit<SubmittedCase, 'id'>> {
  const response = await server.request.post(WEBFORM_PATH).send(webformFields(fields));
  if (response.status !== 201) throw new Error(`POST ${WEBFORM_PATH} answered ${response.status}: ${response.text}`);
  return response.body as Omit<SubmittedCase, 'id'>;
}

/** Submits a web form and finds the case it opened, as staff see it. */
export async function submitCase(server: TestServer, fields: Partial<WebformFields> = {}): Promise<SubmittedCase> {
  const submitted = await submitWebform(server, fields);
  const response = await server.as(await server.adminToken()).get('/api/v1/cases').query({ text: submitted.reference });
  const found = (response.body.items as { id: string; reference: string }[] | undefined)?.find((c) => c.reference === submitted.reference);
  if (!found) throw new Error(`Case ${submitted.reference} is not in GET /api/v1/cases: ${response.status} ${response.text}`);
  return { id: found.id, ...submitted };
}
