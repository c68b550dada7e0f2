import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './free-port';

export interface CapturedMail {
  raw: string;
  envelope: { from: string; to: string[] };
  parsed: ParsedMail;
}

export interface SmtpCapture {
  port: number;
  url: string;
  messages: CapturedMail[];
  /** Waits until a captured message satisfies the predicate and returns it. */
  waitFor(predicate: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /** Recipients the server refuses with 550 (a permanent failure). */
  reject: Set<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A real SMTP server (the smtp-server package) in the test process that keeps everything Kontakt sends. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const port = await freePort();
  const messages: CapturedMail[] = [];
  const reject = new Set<string>();
  let server: SMTPServer | undefined;
  const start = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // on stop, pooled client connections are cut at once, as a crashed mail server would
      closeTimeout: 100,
      onRcptTo(address, _session, callback) {
        if (reject.has(address.address.toLowerCase())) return callback(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          messages.push({ raw, envelope, parsed: await simpleParser(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, rejectListen) => {
      server!.once('error', rejectListen);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    // smtp-server reports a client's broken connection as an 'error' on the server: a Kontakt server
    // killed by a test mid-session resets its pooled connection, which is expected; anything else is not
    server!.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
    });
  };
  await start();
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    reject,
    async waitFor(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = messages.find(predicate);
        if (found) return found;
        await sleep(50);
      }
      throw new Error(`No captured email matched within ${timeoutMs} ms; captured: ${messages.map((m) => m.parsed.subject).join(' | ')}`);
    },
    async stop() {
      const running = server;
      server = undefined;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
    },
    start,
  };
}
