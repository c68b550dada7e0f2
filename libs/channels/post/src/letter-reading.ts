import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { DomainError, Sql } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { CaseChange, CaseEvent, CaseRoutingHooks, CasesRepository, extractReferences } from '@kontakt/cases';
import { CitizensRepository, normaliseAddress } from '@kontakt/citizens';
import { classify, Topic, TopicsService } from '@kontakt/topics';
import { findSenderAddress, formatPostalAddress, parsePostalAddress } from './danish-address';
import { letterSubject } from './letter-subject';
import { PostScansRepository, ReadMethod, ScanCase } from './post-scans.repository';

/**
 * Records the text of a letter read after intake (by OCR, or typed by a person when OCR could not):
 * the contact's text becomes searchable; a case the letter opened that no agent has accepted yet is
 * classified again on the text, unless the clerk chose its topic; a sender without a known address
 * gets the one the letter shows; and case references the letter quotes are put on its case for the
 * agent (the contact stays where intake put it — see the README).
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
  ) {}

  async record(contactId: string, text: string, method: ReadMethod, staffId?: string): Promise<{ caseId: string; reclassified: boolean }> {
    const topics = await this.topics.active();
    const result = await this.db.transaction(async (tx) => {
      const scan = await this.scans.lockUnread(tx, contactId);
      if (!scan) throw new DomainError('conflict', `Letter ${contactId} is not waiting to be read (unknown, or its text is already recorded)`);
      await this.scans.setContactText(tx, contactId, text);
      await this.scans.markDone(tx, contactId, method);
      const events: CaseEvent[] = [{
        caseId: scan.case_id, type: 'letter_read', actorKind: staffId ? 'staff' : 'system', actorId: staffId, data: { contactId, method },
      }];
      const at = (await this.scans.scanCase(tx, contactId))!;
      const requeued = await this.reclassify(tx, at, text, topics, events, contactId);
      await this.learnAddress(tx, at, text, events, contactId);
      const quoted = extractReferences(text).filter((reference) => reference !== at.reference);
      if (quoted.length > 0) events.push({ caseId: at.case_id, type: 'letter_quotes_reference', actorKind: 'system', data: { contactId, references: quoted } });
      await this.cases.insertEvents(tx, events);
      return { caseId: scan.case_id, requeued };
    });
    this.logger.log({ event: 'letter_read', caseId: result.caseId, contactId, method, reclassified: result.requeued !== undefined });
    if (result.requeued) this.routing.caseChanged(result.requeued);
    else this.routing.contactRecorded(result.caseId, contactId, false);
    return { caseId: result.caseId, reclassified: result.requeued !== undefined };
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
  private async learnAddress(tx: Sql, at: ScanCase, text: string, events: CaseEvent[], contactId: string): Promise<void> {
    if (at.citizen_has_address) return;
    const own = parsePostalAddress(this.config.postSenderAddress.join('\n'));
    const shown = findSenderAddress(text, own ? [formatPostalAddress(own)] : []);
    const value = shown && normaliseAddress(formatPostalAddress(shown.address));
    if (!value || !(await this.citizens.addIdentity(tx, at.citizen_id, { kind: 'address', value }))) return;
    await this.scans.setContactSenderAddress(tx, contactId, formatPostalAddress(shown.address));
    // the name above the address, so a reply by letter is addressed to a person and not only a street
    if (shown.name) await this.scans.setSenderNameIfUnknown(tx, contactId, at.citizen_id, shown.name);
    events.push({ caseId: at.case_id, type: 'citizen_address_read', actorKind: 'system', data: { contactId, citizenId: at.citizen_id } });
  }
}
