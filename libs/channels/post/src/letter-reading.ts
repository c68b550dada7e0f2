import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { DomainError, Sql } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { CaseChange, CaseEvent, CaseRoutingHooks, CasesRepository, extractReferences } from '@kontakt/cases';
import { addressIdentity, CitizensRepository, findSenderAddress, formatPostalAddress, parsePostalAddress } from '@kontakt/citizens';
import { classify, detectLanguage, Topic, TopicsService } from '@kontakt/topics';
import { LetterReferenceThreading, ReferenceOutcome } from './letter-reference-threading';
import { letterSubject } from './letter-subject';
import { PostScansRepository, ReadMethod, ScanCase } from './post-scans.repository';

/**
 * Records the text of a letter read after intake (by OCR, or typed by a person when OCR could not):
 * the contact's text becomes searchable; case references the letter quotes thread it as
 * LetterReferenceThreading decides (into the referenced case while the case the letter opened is
 * untouched); a case the letter opened and keeps, that no agent has accepted yet, is classified
 * again on the text unless the clerk chose its topic; a sender without a known address gets the one
 * the letter shows.
 */
@Injectable()
export class LetterReading {
  private readonly logger = new Logger(LetterReading.name);

  constructor(
    private readonly db: Database,
    private readonly scans: PostScansRepository,
    private readonly cases: CasesRepository,
    private readonly citizens: CitizensRepository,
    private readonly topics: TopicsService,
    private readonly routing: CaseRoutingHooks,
    private readonly config: AppConfig,
    private readonly threading: LetterReferenceThreading,
  ) {}

  async record(contactId: string, text: string, method: ReadMethod, staffId?: string): Promise<{ caseId: string; reclassified: boolean }> {
    const topics = await this.topics.active();
    const { threaded, requeued } = await this.db.transaction(async (tx) => {
      const scan = await this.scans.lockUnread(tx, contactId);
      if (!scan) throw new DomainError('conflict', `Letter ${contactId} is not waiting to be read (unknown, or its text is already recorded)`);
      await this.scans.setContactText(tx, contactId, text);
      await this.scans.markDone(tx, contactId, method);
      const events: CaseEvent[] = [{
        caseId: scan.case_id, type: 'letter_read', actorKind: staffId ? 'staff' : 'system', actorId: staffId, data: { contactId, method },
      }];
      const at = (await this.scans.scanCase(tx, contactId))!;
      const quoted = extractReferences(text).filter((reference) => reference !== at.reference);
      // learnt before threading, which may hand the sender's record to the referenced case's citizen
      const learnt = await this.learnAddress(tx, at, text, contactId);
      const threaded: ReferenceOutcome = quoted.length > 0 ? await this.threading.thread(tx, at, contactId, quoted, events) : { kind: 'left', caseId: at.case_id };
      const requeued = threaded.kind === 'moved' ? await this.describe(tx, at, text) : await this.reclassify(tx, at, text, topics, events, contactId);
      if (learnt) events.push({ caseId: threaded.caseId, type: 'citizen_address_read', actorKind: 'system', data: { contactId, citizenId: at.citizen_id } });
      await this.cases.insertEvents(tx, events);
      return { threaded, requeued };
    });
    this.logger.log({ event: 'letter_read', caseId: threaded.caseId, contactId, method, reclassified: requeued !== undefined, threading: threaded.kind });
    if (threaded.kind === 'moved') {
      this.logger.log({ event: 'letter_moved', caseId: threaded.caseId, fromCaseId: threaded.placeholder.caseId, contactId });
      this.routing.caseChanged(threaded.placeholder);
    }
    if (requeued) this.routing.caseChanged(requeued);
    else this.routing.contactRecorded(threaded.caseId, contactId, false);
    return { caseId: threaded.caseId, reclassified: requeued !== undefined };
  }

  /** The case a letter opened is named after its text even when the letter moves on, so the closed case still says what it was. */
  private async describe(tx: Sql, at: ScanCase, text: string): Promise<undefined> {
    if (at.opened_by_this_letter) await this.scans.describeCase(tx, at.case_id, letterSubject(text), detectLanguage(text));
    return undefined;
  }

  /**
   * A case the letter opened is named after its text; while no agent has accepted it (queued, or only
   * offered) and the clerk did not choose its topic, it is classified on the text, and when the topic
   * changes a live offer is withdrawn and the case queued again for the right agents.
   */
  private async reclassify(tx: Sql, at: ScanCase, text: string, topics: Topic[], events: CaseEvent[], contactId: string): Promise<CaseChange | undefined> {
    if (!at.opened_by_this_letter) return undefined;
    const classification = classify(topics, { body: text });
    await this.scans.describeCase(tx, at.case_id, letterSubject(text), classification.language);
    const waiting = at.status === 'queued' || at.status === 'offered';
    if (at.topic_chosen || at.assignee_id || !waiting || classification.topic.id === at.topic_id) return undefined;
    const withdrawn = at.status === 'offered' ? await this.routing.withdrawLiveOffer(tx, at.case_id, 'letter read: topic changed') : undefined;
    if (at.status === 'offered') {
      await this.cases.setStatus(tx, at.case_id, 'queued');
      events.push({ caseId: at.case_id, type: 'status_changed', fromStatus: 'offered', toStatus: 'queued', actorKind: 'system', data: { reason: 'reclassified' } });
    }
    await this.scans.reclassifyQueuedCase(tx, at.case_id, { topicId: classification.topic.id, queueId: classification.topic.queueId, priority: classification.priority });
    events.push({
      caseId: at.case_id, type: 'reclassified', actorKind: 'system',
      data: { contactId, topic: classification.topic.slug, priority: classification.priority, matchedKeywords: classification.matchedKeywords },
    });
    return { caseId: at.case_id, status: 'queued', assigneeId: null, previousAssigneeId: null, withdrawn };
  }

  /** The address on the letter (and the name above it) joins the sender's record when they have none and nobody else has it. */
  private async learnAddress(tx: Sql, at: ScanCase, text: string, contactId: string): Promise<boolean> {
    if (at.citizen_has_address) return false;
    const own = parsePostalAddress(this.config.postSenderAddress.join('\n'));
    const shown = findSenderAddress(text, own ? [formatPostalAddress(own)] : []);
    const value = shown && addressIdentity(shown.address);
    if (!value || !(await this.citizens.addIdentity(tx, at.citizen_id, { kind: 'address', value }))) return false;
    await this.scans.setContactSenderAddress(tx, contactId, formatPostalAddress(shown.address));
    // the name above the address, so a reply by letter is addressed to a person and not only a street
    if (shown.name) await this.scans.setSenderNameIfUnknown(tx, contactId, at.citizen_id, shown.name);
    return true;
  }
}
