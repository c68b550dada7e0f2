import { Injectable } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { DomainError, Language } from '@kontakt/core';
import { CaseReadsRepository, CasesRepository, hashStatusToken, newStatusToken, STATUS_TOKEN_PATTERN } from '@kontakt/cases';
import { Database } from '@kontakt/database';
import { IntakeService, STATUS_LINK_INVALID } from '@kontakt/intake';
import { TopicsService } from '@kontakt/topics';
import { inspectAttachments, UploadedFile } from './attachment-inspector';
import { PublicRateLimiter } from './public-rate-limiter';
import { SubmissionRejected } from './submission-errors';
import { cleanMessage, RawSubmission, validateMessage, validateSubmission } from './webform-submission';

export interface Submitted {
  reference: string;
  statusUrl: string;
  token: string;
  /** the same submission had been received before; nothing new was recorded */
  duplicate: boolean;
}

/**
 * A submission key makes a submission idempotent: the form carries one it was rendered with, an API
 * client sends one as Idempotency-Key. Without one every submission is new.
 */
export const SUBMISSION_KEY_PATTERN = /^[A-Za-z0-9_-]{16,100}$/;

// Without a key there is nothing to dedupe on, so intake skips the lookup.
const externalIdOf = (submissionKey: string | undefined) => (submissionKey ? `submission:${submissionKey}` : undefined);

export interface PublicCaseView {
  reference: string;
  status: string;
  topic: { slug: string; da: string; en: string };
  createdAt: Date;
  closed: boolean;
  messages: { direction: 'inbound' | 'outbound'; channel: string; text: string; at: Date; attachments: string[] }[];
}

/** Too many submissions from one address; the page or API says when to try again. */
export class RateLimited extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_requests', `Too many submissions from your address; try again in ${retryAfterSeconds} seconds`);
  }
}

/**
 * The web-form channel adapter: turns a citizen's form submission or follow-up into an InboundContact
 * for intake, and shows a citizen their case through the private status link.
 */
@Injectable()
export class WebformService {
  constructor(
    private readonly intake: IntakeService,
    private readonly topics: TopicsService,
    private readonly reads: CaseReadsRepository,
    private readonly limiter: PublicRateLimiter,
    private readonly config: AppConfig,
    private readonly cases: CasesRepository,
    private readonly db: Database,
  ) {}

  /** `language`: the one the citizen chose (the form page's, an API client's Accept-Language); without it intake reads it from the text. */
  async submit(raw: RawSubmission, files: UploadedFile[], clientIp: string, language: Language | undefined, submissionKey?: string): Promise<Submitted> {
    const topics = (await this.topics.active()).map((t) => t.slug);
    const { value, errors } = validateSubmission(raw, topics);
    const attachments = await inspectAttachments(files);
    if (!value || attachments.errors.length > 0) throw new SubmissionRejected([...errors, ...attachments.errors]);
    await this.throttle(clientIp);
    const result = await this.intake.receive({
      channel: 'webform',
      externalId: externalIdOf(submissionKey),
      sender: { name: value.name, email: value.email, phone: value.phone },
      subject: value.subject,
      bodyText: value.message,
      topicSlug: value.topic,
      language,
      attachments: attachments.files,
    });
    // A replayed submission came from whoever holds its key, i.e. the citizen whose first answer was lost: give them a link again.
    const token = result.statusToken ?? (await this.issueStatusLink(result.caseId));
    return { reference: result.reference, token, statusUrl: this.statusUrl(token), duplicate: result.duplicate };
  }

  async followUp(token: string, rawMessage: unknown, files: UploadedFile[], clientIp: string, submissionKey?: string): Promise<Submitted> {
    const current = await this.view(token);
    if (current.closed) throw new DomainError('conflict', 'This case is closed; send a new enquiry instead');
    const message = cleanMessage(rawMessage);
    const errors = typeof rawMessage === 'string' || rawMessage === undefined ? validateMessage(message) : validateMessage('');
    const attachments = await inspectAttachments(files);
    if (errors.length > 0 || attachments.errors.length > 0) throw new SubmissionRejected([...errors, ...attachments.errors]);
    await this.throttle(clientIp);
    const result = await this.intake.receive({
      channel: 'webform',
      externalId: externalIdOf(submissionKey),
      sender: {},
      bodyText: message,
      attachments: attachments.files,
      thread: { statusToken: token },
    });
    return { reference: result.reference, token, statusUrl: this.statusUrl(token), duplicate: result.duplicate };
  }

  /** The case as the citizen may see it: status and the public messages, never notes or staff names. */
  async view(token: string): Promise<PublicCaseView> {
    const row = STATUS_TOKEN_PATTERN.test(token) ? await this.reads.byStatusTokenHash(hashStatusToken(token)) : undefined;
    if (!row) throw new DomainError('not_found', STATUS_LINK_INVALID.en, STATUS_LINK_INVALID);
    const [contacts, attachments, topics] = await Promise.all([this.reads.contacts(row.id), this.reads.attachmentsOfCase(row.id), this.topics.all()]);
    const topic = topics.find((t) => t.slug === row.topic)!;
    return {
      reference: row.reference,
      status: row.status,
      topic: { slug: topic.slug, da: topic.nameDa, en: topic.nameEn },
      createdAt: row.created_at,
      closed: row.status === 'closed',
      messages: contacts.map((c) => ({
        direction: c.direction,
        channel: c.channel,
        text: c.body_text,
        at: c.occurred_at,
        attachments: attachments.filter((a) => a.contact_id === c.id).map((a) => a.filename),
      })),
    };
  }

  async topicChoices() {
    return this.topics.active();
  }

  statusUrl(token: string): string {
    return `${this.config.publicBaseUrl}/status/${token}`;
  }

  private async issueStatusLink(caseId: string): Promise<string> {
    const link = newStatusToken();
    await this.cases.insertStatusLink(this.db, caseId, link.hash);
    return link.token;
  }

  private async throttle(clientIp: string): Promise<void> {
    const wait = await this.limiter.hit(clientIp);
    if (wait > 0) throw new RateLimited(wait);
  }
}
