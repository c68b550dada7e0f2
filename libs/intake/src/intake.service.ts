import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AppConfig } from '@kontakt/config';
import { DomainError, isUniqueViolation, Language, Sql } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { CitizenIdentity, CitizensRepository, normaliseAddress, resolveCitizenStatement } from '@kontakt/citizens';
import { CaseEvent, CaseRoutingHooks, CaseRow, CasesRepository, OpenedCase, hashStatusToken, NewContact, newStatusToken, opensFollowUpCase, statusAfterInbound } from '@kontakt/cases';
import { Classification, classify, TopicsService } from '@kontakt/topics';
import type { InboundContact, IntakeResult, ReceiveOptions } from './inbound-contact';

const SUBJECT_MAX = 200;

/**
 * The intake pipeline: dedupe on (channel, external id) → resolve or create the citizen →
 * thread into an open case or open a new one → classify → enqueue. One transaction per contact,
 * so a contact is either fully recorded or not at all; adapters acknowledge their source after it returns.
 * A first contact with nothing to dedupe, thread or attach is one statement, which PostgreSQL runs
 * as a transaction of its own, so it goes without BEGIN and COMMIT (two round trips fewer, bench/intake).
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger(IntakeService.name);

  constructor(
    private readonly db: Database,
    private readonly cases: CasesRepository,
    private readonly citizens: CitizensRepository,
    private readonly topics: TopicsService,
    private readonly config: AppConfig,
    private readonly routing: CaseRoutingHooks,
  ) {}

  async receive(contact: InboundContact, options: ReceiveOptions = {}): Promise<IntakeResult> {
    const topics = await this.topics.active();
    try {
      const result = opensCaseAlone(contact, options)
        ? await this.openCaseAlone(contact, topics)
        : await this.db.transaction(async (tx) => {
            const recorded = await this.record(tx, contact, topics);
            if (!recorded.duplicate && options.inTransaction) await options.inTransaction(tx, recorded);
            return recorded;
          });
      this.logger.log({ event: result.duplicate ? 'contact_duplicate' : 'contact_received', channel: contact.channel, caseId: result.caseId, contactId: result.contactId, newCase: result.newCase });
      if (!result.duplicate) this.routing.contactRecorded(result.caseId, result.contactId, result.newCase);
      return result;
    } catch (error) {
      // Two deliveries of the same message raced; the other one committed it.
      if (contact.externalId && isUniqueViolation(error, 'contacts_channel_external_id')) {
        const existing = await this.cases.findContactByExternalId(this.db, contact.channel, contact.externalId);
        if (existing) return { caseId: existing.case_id, reference: existing.reference, contactId: existing.contact_id, duplicate: true, newCase: false };
      }
      throw error;
    }
  }

  /**
   * The opening statement on a pooled connection; when it lost a race for the sender's new identities,
   * the case and contact move to the winner's citizen in a second transaction.
   */
  private async openCaseAlone(contact: InboundContact, topics: ActiveTopics): Promise<IntakeResult> {
    const classification = classify(topics, { subject: contact.subject, body: contact.bodyText, topicSlug: contact.topicSlug });
    const identities = identitiesOf(contact);
    const contactId = randomUUID();
    const { opened, statusToken } = await this.openingStatement(this.db.prepared, undefined, contact, contactId, identities, classification, contact.language ?? classification.language);
    if (this.citizens.mayHaveLostRace(opened, identities)) await this.db.transaction((tx) => this.settleRace(tx, opened, contactId, identities));
    return { caseId: opened.id, reference: opened.reference, contactId, duplicate: false, newCase: true, statusToken };
  }

  private async record(tx: Sql, contact: InboundContact, topics: ActiveTopics): Promise<IntakeResult> {
    if (contact.externalId) {
      const existing = await this.cases.findContactByExternalId(tx, contact.channel, contact.externalId);
      if (existing) return { caseId: existing.case_id, reference: existing.reference, contactId: existing.contact_id, duplicate: true, newCase: false };
    }

    const classification = classify(topics, { subject: contact.subject, body: contact.bodyText, topicSlug: contact.topicSlug });
    const language = contact.language ?? classification.language;
    const found = await this.findThread(tx, contact);
    const linkedTo = await this.linkedCase(tx, contact, found);
    const threaded = linkedTo ? undefined : found;
    const identities = identitiesOf(contact);
    const contactId = randomUUID();
    if (!found && !linkedTo) return this.openCase(tx, contact, contactId, identities, classification, language);
    // A follow-up that names nobody (e.g. from the status page) comes from the case's own citizen.
    const citizenId =
      threaded && identities.length === 0 && !contact.sender.name
        ? threaded.citizen_id
        : await this.citizens.resolve(tx, identities, contact.sender.name?.trim() || undefined, language);
    const events: CaseEvent[] = [];
    let row: CaseRow;
    let statusToken: string | undefined;
    if (threaded) {
      row = threaded;
      const next = contact.thread?.automatic ? row.status : statusAfterInbound(row.status, row.assignee_id !== null);
      if (next !== row.status) {
        await this.cases.setStatus(tx, row.id, next);
        events.push({ caseId: row.id, type: row.status === 'resolved' ? 'reopened' : 'status_changed', fromStatus: row.status, toStatus: next, actorKind: 'citizen' });
      }
    } else {
      const token = newStatusToken();
      statusToken = token.token;
      const topic = classification.topic;
      row = await this.cases.insertCase(tx, {
        citizenId, topicId: topic.id, queueId: topic.queueId, channel: contact.channel, subject: subjectOf(contact),
        language, priority: classification.priority, slaDueAt: await this.routing.firstResponseDue(topic.queueId, contact.channel, new Date(), tx),
        statusTokenHash: token.hash,
      }, this.config.timeZone);
      events.push(
        { caseId: row.id, type: 'created', toStatus: 'new', actorKind: 'citizen', data: { channel: contact.channel, topic: topic.slug, priority: classification.priority, matchedKeywords: classification.matchedKeywords } },
        { caseId: row.id, type: 'status_changed', fromStatus: 'new', toStatus: 'queued', actorKind: 'system', data: { queue: topic.queueSlug } },
      );
      if (linkedTo) {
        events.push(
          { caseId: row.id, type: 'linked_case', actorKind: 'system', data: { caseId: linkedTo.id, reference: linkedTo.reference, reason: linkedTo.status === 'closed' ? 'closed' : 'reopen_window_passed' } },
          { caseId: linkedTo.id, type: 'follow_up_case', actorKind: 'system', data: { caseId: row.id, reference: row.reference } },
        );
      }
    }

    events.push({ caseId: row.id, type: 'contact_received', actorKind: 'citizen', data: { contactId, channel: contact.channel } });
    await this.cases.insertContactWithEvents(tx, contactId, { caseId: row.id, citizenId, ...contactOf(contact, language) }, events);
    await this.insertAttachments(tx, contact, contactId);
    if (threaded) await this.cases.touch(tx, row.id);
    return { caseId: row.id, reference: row.reference, contactId, duplicate: false, newCase: !threaded, statusToken, linkedCaseId: linkedTo?.id };
  }

  /**
   * A first contact opens a queued case: the sender's citizen, the case with its status link, the
   * contact and the case's events in one statement. When another intake committed the sender's new
   * identities first, the case and contact move to that citizen and the one created here goes.
   */
  private async openCase(
    tx: Sql, contact: InboundContact, contactId: string, identities: CitizenIdentity[], classification: Classification, language: Language,
  ): Promise<IntakeResult> {
    const { opened, statusToken } = await this.openingStatement(tx, tx, contact, contactId, identities, classification, language);
    await this.settleRace(tx, opened, contactId, identities);
    await this.insertAttachments(tx, contact, contactId);
    return { caseId: opened.id, reference: opened.reference, contactId, duplicate: false, newCase: true, statusToken };
  }

  /** `tx`: the transaction the statement runs in, if any (queue settings are then read on it when stale). */
  private async openingStatement(
    sql: Sql, tx: Sql | undefined, contact: InboundContact, contactId: string, identities: CitizenIdentity[], classification: Classification, language: Language,
  ): Promise<{ opened: OpenedCase; statusToken: string }> {
    const token = newStatusToken();
    const topic = classification.topic;
    const opened = await this.cases.openCase(
      sql, resolveCitizenStatement(identities, contact.sender.name?.trim() || undefined, language),
      { topicId: topic.id, queueId: topic.queueId, channel: contact.channel, subject: subjectOf(contact), language,
        priority: classification.priority, slaDueAt: await this.routing.firstResponseDue(topic.queueId, contact.channel, new Date(), tx),
        statusTokenHash: token.hash },
      this.config.timeZone, contactId, contactOf(contact, language),
      [
        { type: 'created', toStatus: 'new', actorKind: 'citizen', data: { channel: contact.channel, topic: topic.slug, priority: classification.priority, matchedKeywords: classification.matchedKeywords } },
        { type: 'status_changed', fromStatus: 'new', toStatus: 'queued', actorKind: 'system', data: { queue: topic.queueSlug } },
        { type: 'contact_received', actorKind: 'citizen', data: { contactId, channel: contact.channel } },
      ],
    );
    return { opened, statusToken: token.token };
  }

  private async settleRace(tx: Sql, opened: OpenedCase, contactId: string, identities: CitizenIdentity[]): Promise<void> {
    const winner = await this.citizens.raceWinner(tx, { id: opened.citizen_id, existed: opened.existed, claimed: opened.claimed }, identities);
    if (!winner) return;
    await this.cases.moveToCitizen(tx, opened.id, contactId, winner);
    await this.citizens.deleteCitizen(tx, opened.citizen_id);
  }

  private async insertAttachments(tx: Sql, contact: InboundContact, contactId: string): Promise<void> {
    if (!contact.attachments?.length) return;
    await this.cases.insertAttachments(tx, contactId, contact.attachments.map((a) => ({ ...a, sha256: createHash('sha256').update(a.content).digest() })));
  }

  /**
   * A citizen answering a case by reference (not by status link) after it was resolved more than
   * REOPEN_WINDOW_DAYS ago, or after it was closed, gets a new case linked to the old one.
   */
  private async linkedCase(tx: Sql, contact: InboundContact, found: CaseRow | undefined): Promise<CaseRow | undefined> {
    const references = contact.thread?.references;
    if (contact.thread?.statusToken || !references?.length) return undefined;
    if (found) return !contact.thread?.automatic && opensFollowUpCase(found, this.config.reopenWindowDays) ? found : undefined;
    return this.cases.firstByReferences(tx, references);
  }

  /** A status-link token must match a case (a forged one is refused); references thread when they name a case that is not closed. */
  private async findThread(tx: Sql, contact: InboundContact): Promise<CaseRow | undefined> {
    if (contact.thread?.statusToken) {
      const row = await this.cases.lockByStatusTokenHash(tx, hashStatusToken(contact.thread.statusToken));
      if (!row) throw new DomainError('not_found', 'This status link is not valid; check that the whole link was copied', STATUS_LINK_INVALID);
      if (row.status === 'closed') throw new DomainError('conflict', 'This case is closed; send a new enquiry instead', CASE_CLOSED);
      return row;
    }
    if (contact.thread?.references?.length) return this.cases.lockOpenByReferences(tx, contact.thread.references);
    return undefined;
  }
}

export const STATUS_LINK_INVALID = {
  da: 'Linket til sagen er ikke gyldigt. Kontrollér, at hele linket er kopieret.',
  en: 'This status link is not valid. Check that the whole link was copied.',
};

export const CASE_CLOSED = {
  da: 'Sagen er lukket. Send en ny henvendelse i stedet.',
  en: 'This case is closed. Please send a new enquiry instead.',
};

type ActiveTopics = Awaited<ReturnType<TopicsService['active']>>;

/** Nothing to look up first and nothing to write after: no external id to dedupe, no thread, no attachments, no channel rows. */
function opensCaseAlone(contact: InboundContact, options: ReceiveOptions): boolean {
  return !contact.externalId && !contact.thread && !contact.attachments?.length && !options.inTransaction;
}

function identitiesOf(contact: InboundContact): CitizenIdentity[] {
  const identities: CitizenIdentity[] = [];
  if (contact.sender.email) identities.push({ kind: 'email', value: contact.sender.email });
  if (contact.sender.phone) identities.push({ kind: 'phone', value: contact.sender.phone });
  const address = contact.sender.address && normaliseAddress(contact.sender.address);
  if (address) identities.push({ kind: 'address', value: address });
  return identities;
}

/** The inbound contact as recorded, apart from its case and citizen. */
function contactOf(contact: InboundContact, language: Language): Omit<NewContact, 'caseId' | 'citizenId'> {
  return {
    channel: contact.channel, direction: 'inbound', externalId: contact.externalId, sender: senderOf(contact), subject: contact.subject,
    bodyText: contact.bodyText, bodyHtml: contact.bodyHtml, quotedText: contact.quotedText, language, occurredAt: contact.occurredAt ?? new Date(),
  };
}

function senderOf(contact: InboundContact): Record<string, string> {
  return Object.fromEntries(Object.entries(contact.sender).filter(([, v]) => typeof v === 'string' && v.length > 0)) as Record<string, string>;
}

function subjectOf(contact: InboundContact): string {
  const subject = contact.subject?.trim() || contact.bodyText.trim().split('\n')[0];
  return subject.length > SUBJECT_MAX ? `${subject.slice(0, SUBJECT_MAX - 1)}…` : subject || '—';
}
