import { Injectable, Logger } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { conflict, DomainError, notFound } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { EmailIngestor, QuarantineReason } from './email-ingestor';
import { EmailMessagesRepository, QuarantineRow } from './email-messages.repository';
import { MailboxesRepository } from './mailboxes.repository';
import { MailboxConnection, MailboxesService } from './mailboxes.service';

const quarantineView = (q: QuarantineRow) => ({
  id: q.id, mailboxId: q.mailbox_id, uidValidity: q.uid_validity, uid: Number(q.uid), messageId: q.message_id, reason: q.reason,
  size: q.size_bytes, status: q.status, attempts: q.attempts, createdAt: q.created_at, retriedAt: q.retried_at,
});

/** Poison messages: listed for admins, and retried on demand (after a fix, or a raised size limit). */
@Injectable()
export class QuarantineService {
  private readonly logger = new Logger(QuarantineService.name);

  constructor(
    private readonly db: Database,
    private readonly messages: EmailMessagesRepository,
    private readonly mailboxRows: MailboxesRepository,
    private readonly mailboxes: MailboxesService,
    private readonly ingestor: EmailIngestor,
  ) {}

  async list(status?: 'quarantined' | 'released') {
    return (await this.messages.listQuarantine(this.db, status)).map(quarantineView);
  }

  async retry(id: string) {
    const row = await this.messages.quarantined(this.db, id);
    if (!row) throw notFound(`Quarantined message ${id}`);
    if (row.status === 'released') throw conflict('This message has already been recorded');
    const mailbox = await this.mailboxes.connection(row.mailbox_id);
    if (!mailbox) throw notFound(`Mailbox ${row.mailbox_id}`);
    const raw = row.raw ?? (await this.fetchFromServer(mailbox, row.uid_validity, Number(row.uid)));
    const own = new Set((await this.mailboxRows.addresses(this.db)).map((a) => a.address));
    try {
      const outcome = await this.ingestor.ingest(mailbox, raw, own);
      await this.messages.release(this.db, id);
      this.logger.log({ event: 'quarantine_released', quarantineId: id, outcome });
    } catch (error) {
      if (!(error instanceof QuarantineReason)) throw error;
      await this.messages.recordRetryFailure(this.db, id, error.message);
      this.logger.warn({ event: 'quarantine_retry_failed', quarantineId: id, reason: error.message });
    }
    return quarantineView((await this.messages.quarantined(this.db, id))!);
  }

  /** An oversize message was never downloaded; fetch it now (the admin has raised MAIL_MAX_MESSAGE_BYTES). */
  private async fetchFromServer(mailbox: MailboxConnection, uidValidity: string, uid: number): Promise<Buffer> {
    const { imap } = mailbox;
    const client = new ImapFlow({
      host: imap.host, port: imap.port, secure: imap.tls, logger: false,
      auth: imap.auth === 'oauth2' ? { user: imap.user, accessToken: imap.password } : { user: imap.user, pass: imap.password },
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const folder = await client.mailboxOpen(mailbox.processedFolder ?? imap.folder, { readOnly: true });
      const message = String(folder.uidValidity) === uidValidity ? await client.fetchOne(String(uid), { source: true }, { uid: true }) : undefined;
      if (!message || !message.source) throw conflict('The message is no longer on the mail server under the UID it was quarantined with');
      return message.source;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw conflict(`The mail server could not be reached to fetch the message: ${(error as Error).message}`);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
}
