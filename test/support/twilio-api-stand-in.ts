import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentSms {
  to: string;
  from: string;
  body: string;
  sid: string;
}

/**
 * A local HTTP stand-in for the parts of Twilio's REST API Kontakt uses: Messages create and Calls
 * fetch, with Basic auth checked against the account, Twilio's JSON shapes and its error format.
 * Kontakt's real twilio client reaches it through TWILIO_API_BASE_URL.
 */
export class TwilioApiStandIn {
  readonly sent: SentSms[] = [];
  /** numbers the stand-in refuses like Twilio refuses an invalid number (400, code 21211) */
  readonly invalidNumbers = new Set<string>();
  private readonly callPrices = new Map<string, { price: string; duration: number }>();
  private server?: Server;
  private waiters: (() => void)[] = [];

  constructor(private readonly accountSid: string, private readonly authToken: string) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** What Twilio will report for the call once it has priced it. */
  priceCall(callSid: string, price: string, duration: number): void {
    this.callPrices.set(callSid, { price, duration });
  }

  async waitForSms(predicate: (sms: SentSms) => boolean, timeoutMs = 15_000): Promise<SentSms> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.sent.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No matching SMS reached the Twilio stand-in; it got ${JSON.stringify(this.sent)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 250);
      });
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (request.headers.authorization !== expected) return this.json(response, 401, { code: 20003, message: 'Authenticate', status: 401 });
    const base = `/2010-04-01/Accounts/${this.accountSid}`;
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    if (request.method === 'POST' && path === `${base}/Messages.json`) return this.createMessage(request, response);
    const call = new RegExp(`^${base}/Calls/(CA[0-9a-f]{32})\\.json$`).exec(path);
    if (request.method === 'GET' && call) {
      const priced = this.callPrices.get(call[1]);
      if (!priced) return this.json(response, 404, { code: 20404, message: `The requested resource ${path} was not found`, status: 404 });
      return this.json(response, 200, { sid: call[1], account_sid: this.accountSid, status: 'completed', duration: String(priced.duration), price: priced.price, price_unit: 'USD' });
    }
    this.json(response, 404, { code: 20404, message: `The requested resource ${path} was not found`, status: 404 });
  }

  private async createMessage(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const to = form.get('To') ?? '';
    const body = form.get('Body') ?? '';
    if (this.invalidNumbers.has(to)) return this.json(response, 400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
    const sms = { to, from: form.get('From') ?? '', body, sid: `SM${randomBytes(16).toString('hex')}` };
    this.sent.push(sms);
    this.waiters.splice(0).forEach((wake) => wake());
    // Twilio counts GSM-7 text in 160/153-character segments; tests send plain ASCII
    const segments = body.length <= 160 ? 1 : Math.ceil(body.length / 153);
    this.json(response, 201, {
      sid: sms.sid, account_sid: this.accountSid, to, from: sms.from, body, status: 'queued', num_segments: String(segments), num_media: '0',
      price: null, price_unit: 'USD', direction: 'outbound-api', api_version: '2010-04-01', date_created: new Date().toUTCString(),
    });
  }

  private json(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }
}
