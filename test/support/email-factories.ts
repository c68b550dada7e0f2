import { randomUUID } from 'node:crypto';
import type { TestServer } from './test-server';

export interface RawEmailFields {
  from?: string;
  to?: string;
  subject?: string;
  text?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
}

export const citizenAddress = (label = 'borger') => `${label}-${randomUUID().slice(0, 8)}@example.dk`;
export const newMessageId = () => `<${randomUUID()}@mail.example.dk>`;

/** A plain UTF-8 email as a citizen's mail client would send it. `messageId: null` leaves the header out. */
export function rawEmail(fields: RawEmailFields = {}): string {
  const headers: Record<string, string | undefined> = {
    From: fields.from ?? `Karen Hansen <${citizenAddress()}>`,
    To: fields.to ?? 'Borgerservice <borgerservice@kommune.test>',
    Subject: fields.subject ?? 'Spørgsmål om storskrald',
    Date: new Date().toUTCString(),
    'Message-ID': fields.messageId === null ? undefined : fields.messageId ?? newMessageId(),
    'In-Reply-To': fields.inReplyTo,
    References: fields.references,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Transfer-Encoding': '8bit',
    ...fields.headers,
  };
  const lines = Object.entries(headers).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${encodeHeader(v!)}`);
  return `${lines.join('\r\n')}\r\n\r\n${(fields.text ?? 'Hej. Hvornår bliver der hentet storskrald på Åvej?').replace(/\r?\n/g, '\r\n')}\r\n`;
}

/** RFC 2047 encoded words for non-ASCII header values, as mail clients write them. */
function encodeHeader(value: string): string {
  if (!/[^\x20-\x7e]/.test(value)) return value;
  return value.replace(/[^<>\s][^<>]*[^<>\s]|[^<>\s]/, (text) => (/[^\x20-\x7e]/.test(text) ? `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=` : text));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `probe` returns something truthy. */
export async function eventually<T>(probe: () => Promise<T | undefined | false | null>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await sleep(100);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/** The case an email opened, found by the words of its subject (staff full-text search). */
export async function caseByText(server: TestServer, token: string, text: string): Promise<{ id: string; reference: string; status: string } | undefined> {
  const response = await server.as(token).get('/api/v1/cases').query({ text, channel: 'email' });
  return response.body.items?.[0];
}

export async function caseDetail(server: TestServer, token: string, id: string) {
  return (await server.as(token).get(`/api/v1/cases/${id}`)).body;
}
