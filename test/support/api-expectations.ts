import type { Response } from 'supertest';
import type { TestServer } from './test-server';

/** Kontakt's error contract: the status, and `{statusCode, error, message}` with a message a person can act on. */
export function expectApiError(response: Response, status: number, message: string | RegExp = /\S/): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status,
    body: { statusCode: status, error: expect.any(String), message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message) },
  });
}

/** Every case staff can see, walking all pages. */
export async function listAllCases(server: TestServer, token: string, query: Record<string, string> = {}): Promise<{ id: string; reference: string }[]> {
  const cases: { id: string; reference: string }[] = [];
  let cursor: string | null = null;
  do {
    const response = await server.as(token).get('/api/v1/cases').query({ ...query, limit: '100', ...(cursor ? { cursor } : {}) });
    if (response.status !== 200) throw new Error(`GET /api/v1/cases answered ${response.status}: ${response.text}`);
    cases.push(...response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return cases;
}
