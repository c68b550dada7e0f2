import type { TestServer } from './test-server';

export interface ScanUpload {
  filename: string;
  content: Buffer;
}

export interface RegisteredLetter {
  filename: string;
  caseId: string;
  reference: string;
  contactId: string;
  newCase: boolean;
  duplicate: boolean;
  pages: number;
  text: 'done' | 'pending';
}

/** POST /api/v1/post/letters as the mailroom does it: multipart with the scans in `files` and the clerk's fields. */
export function postLetters(server: TestServer, token: string, files: ScanUpload[], fields: Record<string, string> = {}) {
  let request = server.as(token).post('/api/v1/post/letters');
  for (const [name, value] of Object.entries(fields)) request = request.field(name, value);
  for (const file of files) request = request.attach('files', file.content, file.filename);
  return request;
}

export async function registerLetters(server: TestServer, token: string, files: ScanUpload[], fields: Record<string, string> = {}): Promise<RegisteredLetter[]> {
  const response = await postLetters(server, token, files, fields);
  if (response.status !== 201) throw new Error(`POST /api/v1/post/letters answered ${response.status}: ${response.text}`);
  return response.body.letters as RegisteredLetter[];
}

/** Waits until the OCR worker has read the letter or flagged it for manual reading. */
export async function scanSettled(server: TestServer, token: string, contactId: string, timeoutMs = 90_000): Promise<{ status: string; method: string | null; reason: string | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await server.as(token).get(`/api/v1/post/scans/${contactId}`);
    if (response.status !== 200) throw new Error(`GET /api/v1/post/scans/${contactId} answered ${response.status}: ${response.text}`);
    if (response.body.status !== 'pending') return response.body;
    if (Date.now() > deadline) throw new Error(`Letter ${contactId} was still pending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
