import type { AppConfig } from '@kontakt/config';
import type { Sql } from '@kontakt/core';
import type { InboundContact, IntakeResult, IntakeService, ReceiveOptions } from '@kontakt/intake';
import type { NewOutboxMessage, OutboxRepository } from '@kontakt/outbox';
import type { BounceHandler } from './bounce-handler';
import { EmailIngestor, QuarantineReason } from './email-ingestor';
import type { EmailMessagesRepository } from './email-messages.repository';
import type { EmailThreadResolver } from './email-thread-resolver';
import type { MailboxConnection } from './mailboxes.service';

const MAILBOX: MailboxConnection = {
  id: 'mb-1', name: 'borgerservice', from: { name: 'Borgerservice', address: 'bs@kommune.dk' },
  imap: { host: 'imap', port: 143, tls: false, user: 'u', password: 'p', folder: 'INBOX', auth: 'password' },
  smtp: { host: 'smtp', port: 25, tls: false },
};

const raw = (headers: string, body = 'Hej kommune') =>
  Buffer.from(`From: Karen <karen@example.dk>\r\nTo: bs@kommune.dk\r\nSubject: Storskrald\r\nMessage-ID: <m1@example.dk>\r\n${headers}Content-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`);

/** Intake as a fake that records what it was given and answers like a new case (or a duplicate). */
class FakeIntake {
  received: InboundContact[] = [];
  duplicate = false;
  async receive(contact: InboundContact, options: ReceiveOptions = {}): Promise<IntakeResult> {
    this.received.push(contact);
    const result = { caseId: 'case-1', reference: 'K-2026-000001', contactId: 'contact-1', duplicate: this.duplicate, newCase: !this.duplicate, statusToken: this.duplicate ? undefined : 't'.repeat(43) };
    if (!this.duplicate) await options.inTransaction?.({} as Sql, result);
    return result;
  }
}

class FakeOutbox {
  enqueued: NewOutboxMessage[] = [];
  acknowledgedRecently = false;
  async enqueue(_tx: Sql, message: NewOutboxMessage) {
    this.enqueued.push(message);
  }
  async sentRecently() {
    return this.acknowledgedRecently;
  }
}

function setUp(references: string[] = []) {
  const intake = new FakeIntake();
  const outbox = new FakeOutbox();
  const messages = { recordMessageId: async () => undefined, lockSender: async () => undefined, caseLanguage: async () => 'da' as const };
  const threads = { references: async () => references };
  const bounces = { handle: async () => true };
  const config = { mailMaxMessageBytes: 10_000, mailMaxAttachmentBytes: 1_000, publicBaseUrl: 'https://kontakt.kommune.dk', outboxMaxAttempts: 5 } as AppConfig;
  const ingestor = new EmailIngestor(
    intake as unknown as IntakeService, messages as unknown as EmailMessagesRepository, threads as unknown as EmailThreadResolver,
    bounces as unknown as BounceHandler, outbox as unknown as OutboxRepository, config,
  );
  return { ingestor, intake, outbox };
}

describe('EmailIngestor', () => {
  it('records a citizen email and acknowledges it with the reference and the status link', async () => {
    const { ingestor, intake, outbox } = setUp();
    expect(await ingestor.ingest(MAILBOX, raw(''), new Set())).toBe('recorded');
    expect(intake.received[0]).toMatchObject({ channel: 'email', externalId: '<m1@example.dk>', sender: { name: 'Karen', email: 'karen@example.dk' }, bodyText: 'Hej kommune' });
    expect(outbox.enqueued).toEqual([expect.objectContaining({ kind: 'acknowledgement', recipient: 'karen@example.dk', caseId: 'case-1' })]);
    const payload = outbox.enqueued[0].payload as { subject: string; text: string; inReplyTo: string; autoSubmitted: string };
    expect(payload.subject).toContain('[K-2026-000001]');
    expect(payload.text).toContain('https://kontakt.kommune.dk/status/');
    expect(payload).toMatchObject({ inReplyTo: '<m1@example.dk>', autoSubmitted: 'auto-replied' });
  });

  it('does not acknowledge bulk mail or a sender acknowledged within the hour', async () => {
    const bulk = setUp();
    await bulk.ingestor.ingest(MAILBOX, raw('Precedence: bulk\r\n'), new Set());
    expect(bulk.outbox.enqueued).toEqual([]);
    const eager = setUp();
    eager.outbox.acknowledgedRecently = true;
    await eager.ingestor.ingest(MAILBOX, raw(''), new Set());
    expect(eager.outbox.enqueued).toEqual([]);
  });

  it('ignores mail from its own mailboxes and auto-replies that answer no case', async () => {
    const { ingestor, intake } = setUp();
    expect(await ingestor.ingest(MAILBOX, raw(''), new Set(['karen@example.dk']))).toBe('ignored');
    expect(await ingestor.ingest(MAILBOX, raw('Auto-Submitted: auto-replied\r\n'), new Set())).toBe('ignored');
    expect(intake.received).toEqual([]);
  });

  it('threads an out-of-office reply as automatic, so intake records it without reopening', async () => {
    const { ingestor, intake, outbox } = setUp(['K-2026-000001']);
    expect(await ingestor.ingest(MAILBOX, raw('Auto-Submitted: auto-replied\r\n'), new Set())).toBe('auto_reply');
    expect(intake.received[0].thread).toEqual({ references: ['K-2026-000001'], automatic: true });
    expect(outbox.enqueued).toEqual([]);
  });

  it('quarantines a message over the size limit, and reports a duplicate delivery', async () => {
    const { ingestor, intake } = setUp();
    await expect(ingestor.ingest(MAILBOX, raw('', 'x'.repeat(20_000)), new Set())).rejects.toThrow(QuarantineReason);
    intake.duplicate = true;
    expect(await ingestor.ingest(MAILBOX, raw(''), new Set())).toBe('duplicate');
  });
});
