import type { TestServer } from './test-server';

export interface QueuedLetter {
  id: string;
  pdfUrl: string;
  pages: number;
  postage: number;
  status: string;
  recipient: string;
}

/** Waits for the outbox worker to render a reply's letter into the print queue. */
export async function queuedLetter(server: TestServer, token: string, contactId: string): Promise<QueuedLetter> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await server.as(token).get('/api/v1/post/outgoing');
    const found = response.body.items.find((l: { contactId: string }) => l.contactId === contactId);
    if (found) return found as QueuedLetter;
    if (Date.now() > deadline) throw new Error(`No letter for contact ${contactId} in the print queue: ${response.text}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Downloads a PDF the API serves, checking it is one. */
export async function downloadPdf(server: TestServer, token: string, path: string): Promise<Buffer> {
  const response = await server.as(token).get(path).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  if (response.status !== 200 || response.headers['content-type'] !== 'application/pdf') throw new Error(`GET ${path} answered ${response.status} ${response.headers['content-type']}`);
  return response.body as Buffer;
}

/** DIN 5008 form B window of a C5/DL envelope, in mm from the page's top-left corner. */
export const ENVELOPE_WINDOW = { left: 20, top: 45, right: 105, bottom: 90 };
