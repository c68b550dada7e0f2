import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { conflict, invalid, isUniqueViolation, notFound } from '@kontakt/core';
import { Secrets } from '@kontakt/crypto';
import { Database } from '@kontakt/database';
import { TopicsService } from '@kontakt/topics';
import { imapSettingsFromUrl, ImapSettings, smtpSettingsFromUrl, SmtpSettings } from './mailbox-urls';
import { MailboxDto } from './mailboxes.dto';
import { MailboxRow, MailboxesRepository, MailboxValues } from './mailboxes.repository';

/** What the watcher and the SMTP adapter need, with the secrets decrypted; kept in memory only. */
export interface MailboxConnection {
  id: string;
  name: string;
  from: { name?: string; address: string };
  imap: ImapSettings & { auth: 'password' | 'oauth2' };
  processedFolder?: string;
  smtp: SmtpSettings;
  topicSlug?: string;
}

/** The mailbox as admins see it: every setting but the secrets, plus the cursor and the last error. */
export const mailboxView = (m: MailboxRow) => ({
  id: m.id, name: m.name, address: m.address, displayName: m.display_name, imapHost: m.imap_host, imapPort: m.imap_port, imapTls: m.imap_tls,
  imapUser: m.imap_user, imapAuth: m.imap_auth, folder: m.folder, processedFolder: m.processed_folder, smtpHost: m.smtp_host, smtpPort: m.smtp_port,
  smtpTls: m.smtp_tls, smtpUser: m.smtp_user, topic: m.topic_slug, active: m.active, seededFromEnv: m.seeded_from_env,
  uidValidity: m.uid_validity, lastUid: Number(m.last_uid), lastSyncedAt: m.last_synced_at, lastError: m.last_error, createdAt: m.created_at,
});

/** Mailboxes: admin CRUD with secrets encrypted at rest, and the one seeded from IMAP_URL/SMTP_URL/MAIL_FROM. */
@Injectable()
export class MailboxesService implements OnModuleInit {
  private readonly logger = new Logger(MailboxesService.name);
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly db: Database,
    private readonly mailboxes: MailboxesRepository,
    private readonly secrets: Secrets,
    private readonly topics: TopicsService,
    private readonly config: AppConfig,
  ) {}

  /** The env mailbox is written (or its settings refreshed) on every start, so env stays the truth for it. */
  async onModuleInit(): Promise<void> {
    const { imapUrl, smtpUrl, mailFrom } = this.config;
    if (!imapUrl || !smtpUrl || !mailFrom) return;
    const imap = imapSettingsFromUrl(imapUrl);
    const smtp = smtpSettingsFromUrl(smtpUrl);
    const values: MailboxValues = {
      name: 'env', address: mailFrom.address, display_name: mailFrom.name ?? null, imap_host: imap.host, imap_port: imap.port, imap_tls: imap.tls,
      imap_user: imap.user, imap_auth: 'password', imap_secret: this.secrets.encrypt(imap.password), folder: imap.folder, processed_folder: null,
      smtp_host: smtp.host, smtp_port: smtp.port, smtp_tls: smtp.tls, smtp_user: smtp.user ?? null, smtp_secret: smtp.password ? this.secrets.encrypt(smtp.password) : null,
      topic_slug: null, active: true,
    };
    const existing = await this.mailboxes.envMailbox(this.db);
    const row = existing ? await this.mailboxes.update(this.db, existing.id, values) : await this.mailboxes.insert(this.db, values, true);
    this.logger.log({ event: 'mailbox_seeded_from_env', mailboxId: row!.id, host: imap.host, folder: imap.folder });
  }

  /** Called when mailboxes change, so watchers start and stop without a restart. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  async list() {
    return (await this.mailboxes.list(this.db)).map(mailboxView);
  }

  async create(dto: MailboxDto) {
    if (!dto.imapSecret) throw invalid('imapSecret is required for a new mailbox');
    const values = await this.values(dto);
    const row = await this.mailboxes.insert(this.db, values).catch((error: unknown) => {
      throw isUniqueViolation(error) ? conflict(`A mailbox named ${dto.name} already exists`) : error;
    });
    this.logger.log({ event: 'mailbox_created', mailboxId: row.id, name: row.name });
    this.changed();
    return mailboxView(row);
  }

  async update(id: string, dto: MailboxDto) {
    const existing = await this.mailboxes.byId(this.db, id);
    if (!existing) throw notFound(`Mailbox ${id}`);
    if (existing.seeded_from_env) throw invalid('This mailbox comes from IMAP_URL, SMTP_URL and MAIL_FROM; change those instead');
    const row = await this.mailboxes.update(this.db, id, await this.values(dto, existing));
    this.changed();
    return mailboxView(row!);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.mailboxes.delete(this.db, id))) throw notFound(`Mailbox ${id}`);
    this.logger.log({ event: 'mailbox_deleted', mailboxId: id });
    this.changed();
  }

  async connection(id: string): Promise<MailboxConnection | undefined> {
    const row = await this.mailboxes.byId(this.db, id);
    return row && this.connectionOf(row);
  }

  connectionOf(row: MailboxRow): MailboxConnection {
    return {
      id: row.id,
      name: row.name,
      from: row.display_name ? { name: row.display_name, address: row.address } : { address: row.address },
      imap: { host: row.imap_host, port: row.imap_port, tls: row.imap_tls, user: row.imap_user, password: this.secrets.decrypt(row.imap_secret), folder: row.folder, auth: row.imap_auth },
      processedFolder: row.processed_folder ?? undefined,
      smtp: { host: row.smtp_host, port: row.smtp_port, tls: row.smtp_tls, user: row.smtp_user ?? undefined, password: row.smtp_secret ? this.secrets.decrypt(row.smtp_secret) : undefined },
      topicSlug: row.topic_slug ?? undefined,
    };
  }

  private async values(dto: MailboxDto, existing?: MailboxRow): Promise<MailboxValues> {
    if (dto.topic && !(await this.topics.active()).some((t) => t.slug === dto.topic)) throw invalid(`topic ${dto.topic} is not an active topic`);
    return {
      name: dto.name, address: dto.address.toLowerCase(), display_name: dto.displayName?.trim() || null, imap_host: dto.imapHost, imap_port: dto.imapPort,
      imap_tls: dto.imapTls, imap_user: dto.imapUser, imap_auth: dto.imapAuth ?? 'password',
      imap_secret: dto.imapSecret ? this.secrets.encrypt(dto.imapSecret) : existing!.imap_secret,
      folder: dto.folder || 'INBOX', processed_folder: dto.processedFolder || null, smtp_host: dto.smtpHost, smtp_port: dto.smtpPort, smtp_tls: dto.smtpTls,
      smtp_user: dto.smtpUser || null, smtp_secret: dto.smtpSecret ? this.secrets.encrypt(dto.smtpSecret) : dto.smtpUser ? existing?.smtp_secret ?? null : null,
      topic_slug: dto.topic ?? null, active: dto.active ?? true,
    };
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
