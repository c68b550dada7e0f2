import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { CaseEvent, CaseRoutingHooks, CasesRepository } from '@kontakt/cases';
import { classify, TopicsService } from '@kontakt/topics';
import { PostScansRepository, ReadMethod } from './post-scans.repository';

const SUBJECT_MAX = 200;

const firstLine = (text: string) => {
  const line = text.split('\n').map((l) => l.trim()).find(Boolean) ?? '—';
  return line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1)}…` : line;
};

/**
 * Records the text of a letter read after intake (by OCR, or typed by a person when OCR could not):
 * the contact's text becomes searchable, and a case the letter opened that still waits for an agent
 * is classified again on the text, unless the clerk chose its topic.
 */
@Injectable()
export class LetterReading {
  private readonly logger = new Logger(LetterReading.name);

  constructor(
    private readonly db: Database,
    private readonly scans: PostScansRepository,
    private readonly cases: CasesRepository,
    private readonly topics: TopicsService,
    private readonly routing: CaseRoutingHooks,
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
      const at = await this.scans.scanCase(tx, contactId);
      let reclassified = false;
      if (at && at.opened_by_this_letter && !at.topic_chosen && at.status === 'queued' && !at.assignee_id) {
        const classification = classify(topics, { body: text });
        reclassified = await this.scans.reclassifyWaitingCase(tx, at.case_id, {
          topicId: classification.topic.id, queueId: classification.topic.queueId, priority: classification.priority,
          language: classification.language, subject: firstLine(text),
        });
        if (reclassified) {
          events.push({
            caseId: at.case_id, type: 'reclassified', actorKind: 'system',
            data: { contactId, topic: classification.topic.slug, priority: classification.priority, matchedKeywords: classification.matchedKeywords },
          });
        }
      }
      await this.cases.insertEvents(tx, events);
      return { caseId: scan.case_id, reclassified };
    });
    this.logger.log({ event: 'letter_read', caseId: result.caseId, contactId, method, reclassified: result.reclassified });
    this.routing.contactRecorded(result.caseId, contactId, false);
    return result;
  }
}
