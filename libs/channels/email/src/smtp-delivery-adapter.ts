import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { Database } from '@kontakt/database';
import { DeliveryAdapter, OutboxMessage, PermanentDeliveryError } from '@kontakt/outbox';
import { EmailMessagesRepository } from './email-messages.repository';
import { MailboxConnection, MailboxesService } from './mailboxes.service';
import type { OutboundEmailPayload } from './outbound-email';
import { safeAddress, singleLine } from './safe-headers';

/**
 * Sends outbox emails with nodemailer through the SMTP server of the mailbox they belong to. Every
 * header value is folded to one line (no header injection); a 5xx answer for the message is
 * permanent, anything else (connection refused, 4xx) is retried by the OutboxWorker.
 */
@Injectable()
export class SmtpDeliveryAdapter implements DeliveryAdapter, OnApplicationShutdown {
  readonly channel = 'email' as const;
  private readonly transports = new Map<string, { key: string; transport: Transporter }>();

  constructor(private readonly db: Database, private readonly mailboxes: MailboxesService, private readonly messages: EmailMessagesRepository) {}

  async deliver(message: OutboxMessage): Promise<void> {
    const payload = message.payload as OutboundEmailPayload;
    const mailbox = await this.mailboxes.connection(payload.mailboxId);
    if (!mailbox) throw new PermanentDeliveryError('the mailbox this message was to be sent from has been deleted');
    const to = safeAddress(payload.to.address);
    if (!to) throw new PermanentDeliveryError('the recipient address is not a valid email address');
    const files = payload.attachmentIds?.length ? await this.messages.attachments(this.db, payload.attachmentIds) : [];
    try {
      await this.transport(mailbox).sendMail({
        from: { name: singleLine(mailbox.from.name ?? '', 100), address: mailbox.from.address },
        to: { name: singleLine(payload.to.name ?? '', 100), address: to },
        subject: singleLine(payload.subject),
        text: payload.text,
        messageId: payload.messageId,
        inReplyTo: payload.inReplyTo,
        references: payload.references,
        headers: payload.autoSubmitted ? { 'Auto-Submitted': payload.autoSubmitted, 'X-Auto-Response-Suppress': 'All' } : undefined,
        attachments: payload.attachmentIds?.map((id) => {
          const file = files.find((f) => f.id === id);
          if (!file) throw new PermanentDeliveryError(`attachment ${id} no longer exists`);
          return { filename: singleLine(file.filename, 200), contentType: file.content_type, content: file.content };
        }),
      });
    } catch (error) {
      const e = error as { responseCode?: number; message: string };
      if (e.responseCode && e.responseCode >= 500 && e.responseCode < 600) throw new PermanentDeliveryError(`the mail server refused the message: ${e.message}`);
      throw error;
    }
  }

  onApplicationShutdown(): void {
    for (const { transport } of this.transports.values()) transport.close();
  }

  /** One pooled transport per mailbox, remade when its settings change. */
  private transport(mailbox: MailboxConnection): Transporter {
    const key = JSON.stringify(mailbox.smtp);
    const cached = this.transports.get(mailbox.id);
    if (cached?.key === key) return cached.transport;
    cached?.transport.close();
    const { smtp } = mailbox;
    const transport = nodemailer.createTransport({
      host: smtp.host, port: smtp.port, secure: smtp.tls, pool: true, maxConnections: 3,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000,
    });
    this.transports.set(mailbox.id, { key, transport });
    return transport;
  }
}
