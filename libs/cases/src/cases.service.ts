import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '@kontakt/config';
import { Channel, DomainError, invalid, notFound } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { DeliveryRow, OutboxChannels, OutboxRepository } from '@kontakt/outbox';
import type { StaffPrincipal } from '@kontakt/identity';
import { assertTransition, CaseStatus } from './case-status';
import { CaseListFilter, CaseReadsRepository } from './case-reads.repository';
import { CasesRepository } from './cases.repository';
import { CaseChange, CaseRoutingHooks } from './case-routing-hooks';
import { caseListItem, caseSummary, contactView, decodeCursor, encodeCursor } from './case-views';
import { CaseReadMarkersRepository } from './case-read-markers.repository';

/** A web-form reply is shown on the status page; other channels deliver through the outbox. */
const SHOWN_ON_STATUS_PAGE: Channel = 'webform';

export interface ReplyFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

const deliveryView = (d: DeliveryRow) => ({
  id: d.id, channel: d.channel, kind: d.kind, contactId: d.contact_id, recipient: d.recipient, status: d.status, attempts: d.attempts,
  error: d.last_error, nextAttemptAt: d.status === 'queued' ? d.next_attempt_at : null, sentAt: d.sent_at, failedAt: d.failed_at, createdAt: d.created_at,
});

export interface CaseListQuery extends Omit<CaseListFilter, 'after' | 'assigneeId' | 'viewerId'> {
  cursor?: string;
  assignee?: string;
}

/** What staff do with cases: find them, read their timeline, move them through the life cycle, note and answer. */
@Injectable()
export class CasesService {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    private readonly db: Database,
    private readonly cases: CasesRepository,
    private readonly reads: CaseReadsRepository,
    private readonly outbox: OutboxRepository,
    private readonly channels: OutboxChannels,
    private readonly config: AppConfig,
    private readonly routing: CaseRoutingHooks,
    private readonly markers: CaseReadMarkersRepository,
  ) {}

  async list(query: CaseListQuery, staff: StaffPrincipal) {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (query.cursor && !after) throw invalid('cursor is not one this API returned; start again without it');
    const assigneeId = query.assignee === undefined ? undefined : query.assignee === 'none' ? null : query.assignee === 'me' ? staff.userId : query.assignee;
    const rows = await this.reads.list({ ...query, assigneeId, after, limit: query.limit + 1, viewerId: staff.userId });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(caseListItem),
      nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  async detail(id: string) {
    const row = await this.reads.detail(id);
    if (!row) throw notFound(`Case ${id}`);
    const byKind = (kind: string) => row.identities.filter((i) => i.kind === kind).map((i) => i.value);
    const { contacts, attachments, notes, events, deliveries } = row;
    return {
      ...caseSummary(row),
      citizen: {
        id: row.citizen_id,
        name: row.citizen_name,
        preferredLanguage: row.citizen_language,
        segment: row.citizen_segment,
        emails: byKind('email'),
        phones: byKind('phone'),
        addresses: byKind('address'),
        otherCases: row.other_cases.map((c) => ({ id: c.id, reference: c.reference, status: c.status, subject: c.subject, channel: c.channel, createdAt: c.created_at })),
      },
      contacts: contacts.map((c) => {
        const delivery = deliveries.find((d) => d.contact_id === c.id);
        return { ...contactView(c, attachments), delivery: delivery ? deliveryView(delivery) : null };
      }),
      deliveries: deliveries.map(deliveryView),
      notes: notes.map((n) => ({ id: n.id, body: n.body, author: { id: n.author_id, name: n.author_name }, createdAt: n.created_at })),
      events: events.map((e) => ({
        type: e.type, from: e.from_status, to: e.to_status, actor: { kind: e.actor_kind, id: e.actor_id, name: e.actor_name }, data: e.data, at: e.created_at,
      })),
    };
  }

  /** Moves a case through the state machine on a staff member's request; offers belong to the router. */
  async changeStatus(id: string, to: CaseStatus, staff: StaffPrincipal) {
    if (to === 'offered' || to === 'new') throw new DomainError('conflict', `Staff cannot set a case to ${to}; ${to === 'offered' ? 'offers are made by the router' : 'new is only the status before intake queues a case'}`);
    const change = await this.db.transaction(async (tx): Promise<CaseChange | undefined> => {
      const current = await this.cases.lock(tx, id);
      if (!current) throw notFound(`Case ${id}`);
      if (current.status === to) return undefined;
      assertTransition(current.status, to);
      if (to === 'assigned' && !current.assignee_id) throw new DomainError('conflict', 'The case has no assignee; assign it with POST /api/v1/cases/:id/assign');
      const withdrawn = current.status === 'offered' ? await this.routing.withdrawLiveOffer(tx, id, `status set to ${to}`) : undefined;
      await this.cases.setStatus(tx, id, to, undefined, [{ caseId: id, type: 'status_changed', fromStatus: current.status, toStatus: to, actorKind: 'staff', actorId: staff.userId }]);
      return { caseId: id, status: to, assigneeId: to === 'queued' ? null : current.assignee_id, previousAssigneeId: current.assignee_id, withdrawn };
    });
    if (change) this.routing.caseChanged(change);
    this.logger.log({ event: 'case_status_changed', caseId: id, to, by: staff.userId });
    return this.detail(id);
  }

  /** Manual assignment by a supervisor, ahead of the router. */
  async assign(id: string, assigneeId: string, staff: StaffPrincipal) {
    const assignee = await this.reads.activeStaff(assigneeId);
    if (!assignee) throw invalid(`assigneeId ${assigneeId} is not an active staff user`);
    const change = await this.db.transaction(async (tx): Promise<CaseChange> => {
      const current = await this.cases.lock(tx, id);
      if (!current) throw notFound(`Case ${id}`);
      if (current.status !== 'assigned') assertTransition(current.status, 'assigned');
      const withdrawn = current.status === 'offered' ? await this.routing.withdrawLiveOffer(tx, id, 'assigned by a supervisor') : undefined;
      await this.cases.setStatus(tx, id, 'assigned', assigneeId, [{
        caseId: id, type: 'assigned', fromStatus: current.status, toStatus: 'assigned', actorKind: 'staff', actorId: staff.userId,
        data: { from: current.assignee_id, to: assigneeId },
      }]);
      return { caseId: id, status: 'assigned', assigneeId, previousAssigneeId: current.assignee_id, withdrawn };
    });
    this.routing.caseChanged(change);
    this.logger.log({ event: 'case_assigned', caseId: id, assigneeId, by: staff.userId });
    return this.detail(id);
  }

  async addNote(id: string, body: string, staff: StaffPrincipal) {
    const note = await this.db.transaction(async (tx) => {
      const current = await this.cases.lock(tx, id);
      if (!current) throw notFound(`Case ${id}`);
      const inserted = await this.cases.insertNote(tx, id, staff.userId, body);
      await this.cases.insertEvents(tx, [{ caseId: id, type: 'note_added', actorKind: 'staff', actorId: staff.userId, data: { noteId: inserted.id } }]);
      return inserted;
    });
    return { id: note.id, body, author: { id: staff.userId, name: staff.name }, createdAt: note.created_at };
  }

  /**
   * Records a staff reply as an outbound contact. A reply on the web form is shown on the citizen's
   * status page; on any other channel the same transaction writes its outbox message, so the reply is
   * either recorded and queued for delivery or not at all. An assigned case then waits on the citizen.
   */
  async reply(id: string, body: string, channel: Channel | undefined, staff: StaffPrincipal, files: ReplyFile[] = []) {
    const contactId = await this.db.transaction(async (tx) => {
      const current = await this.cases.lock(tx, id);
      if (!current) throw notFound(`Case ${id}`);
      if (current.status === 'closed') throw new DomainError('conflict', 'The case is closed; a new enquiry needs a new case');
      const empty = files.find((f) => f.content.length === 0);
      if (empty) throw invalid(`The attachment ${empty.filename} is empty`);
      const via = channel ?? current.channel;
      const composer = via === SHOWN_ON_STATUS_PAGE ? undefined : this.channels.composer(via);
      if (via !== SHOWN_ON_STATUS_PAGE && !composer) {
        const possible = [SHOWN_ON_STATUS_PAGE, ...this.channels.replyChannels()];
        throw new DomainError('invalid', `Replies by ${via} cannot be delivered yet: no ${via} channel is set up; reply on ${possible.join(', ')}`);
      }
      const inserted = await this.cases.insertContact(tx, {
        caseId: id, citizenId: current.citizen_id, channel: via, direction: 'outbound', sender: { name: staff.name },
        bodyText: body, authorId: staff.userId, occurredAt: new Date(), language: current.language,
      });
      const attachments = files.map((f) => ({ ...f, sha256: createHash('sha256').update(f.content).digest() }));
      const attachmentIds = await this.cases.insertAttachments(tx, inserted, attachments);
      if (composer) {
        const message = await composer.compose(tx, {
          caseId: id, reference: current.reference, citizenId: current.citizen_id, caseSubject: current.subject, language: current.language,
          contactId: inserted, body, staffName: staff.name,
          attachments: attachmentIds.map((attachmentId, i) => ({ id: attachmentId, filename: files[i].filename, contentType: files[i].contentType })),
        });
        await this.outbox.enqueue(tx, message, this.config.outboxMaxAttempts);
      }
      const events: Parameters<CasesRepository['insertEvents']>[1] = [{ caseId: id, type: 'reply_sent', actorKind: 'staff', actorId: staff.userId, data: { contactId: inserted, channel: via } }];
      if (current.status === 'assigned') {
        await this.cases.setStatus(tx, id, 'waiting_on_citizen');
        events.push({ caseId: id, type: 'status_changed', fromStatus: 'assigned', toStatus: 'waiting_on_citizen', actorKind: 'staff', actorId: staff.userId });
      }
      await this.cases.touch(tx, id);
      await this.cases.insertEvents(tx, events);
      return inserted;
    });
    this.logger.log({ event: 'case_reply', caseId: id, contactId, by: staff.userId });
    return { id: contactId, caseId: id };
  }

  /** The staff member opened the case: it is read for them (on every device) until a citizen's next contact. */
  async markRead(id: string, staff: StaffPrincipal) {
    if (!(await this.markers.markRead(staff.userId, id))) throw notFound(`Case ${id}`);
    this.routing.readStateChanged(staff.userId, id, false);
  }

  async markUnread(id: string, staff: StaffPrincipal) {
    if (!(await this.markers.markUnread(staff.userId, id))) throw notFound(`Case ${id}`);
    this.routing.readStateChanged(staff.userId, id, true);
  }

  async attachment(id: string) {
    const row = await this.reads.attachment(id);
    if (!row) throw notFound(`Attachment ${id}`);
    return row;
  }
}
