import { Injectable, Logger } from '@nestjs/common';
import { Database } from '@kontakt/database';
import { EmailMessagesRepository } from './email-messages.repository';
import { MailboxesRepository } from './mailboxes.repository';

/** The watcher's view of the database: where it got to in the folder, and where poison messages go. */
@Injectable()
export class MailboxCursor {
  private readonly logger = new Logger(MailboxCursor.name);

  constructor(private readonly db: Database, private readonly mailboxes: MailboxesRepository, private readonly messages: EmailMessagesRepository) {}

  /** The last recorded UID for this UIDVALIDITY; 0 when the folder was recreated (UIDVALIDITY changed) or never read. */
  async lastUid(mailboxId: string, uidValidity: string): Promise<number> {
    const row = await this.mailboxes.byId(this.db, mailboxId);
    if (!row) return 0;
    if (row.uid_validity !== null && row.uid_validity !== uidValidity) {
      this.logger.warn({ event: 'mailbox_uidvalidity_changed', mailboxId, from: row.uid_validity, to: uidValidity });
      return 0;
    }
    return row.uid_validity === null ? 0 : Number(row.last_uid);
  }

  save(mailboxId: string, uidValidity: string, lastUid: number): Promise<void> {
    return this.mailboxes.saveCursor(this.db, mailboxId, uidValidity, lastUid);
  }

  recordError(mailboxId: string, error: string): Promise<void> {
    return this.mailboxes.recordError(this.db, mailboxId, error.slice(0, 500));
  }

  quarantine(row: { mailboxId: string; uidValidity: string; uid: number; reason: string; size: number; raw?: Buffer }): Promise<void> {
    const messageId = row.raw ? /^Message-ID:\s*(<[^<>\s]+>)/im.exec(row.raw.subarray(0, 64 * 1024).toString('latin1'))?.[1] : undefined;
    return this.messages.quarantine(this.db, { ...row, messageId });
  }
}
