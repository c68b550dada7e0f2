import { Injectable } from '@nestjs/common';
import type { Channel, Direction, Language, Sql } from '@kontakt/core';
import type { CaseStatus } from './case-status';

export interface CaseRow {
  id: string;
  reference: string;
  citizen_id: string;
  topic_id: string;
  queue_id: string;
  channel: Channel;
  subject: string;
  language: Language;
  priority: number;
  status: CaseStatus;
  assignee_id: string | null;
  sla_due_at: Date | null;
  created_at: Date;
  updated_at: Date;
  last_contact_at: Date;
  resolved_at: Date | null;
}

export interface NewCase {
  citizenId: string;
  topicId: string;
  queueId: string;
  channel: Channel;
  subject: string;
  language: Language;
  priority: number;
  slaDueAt: Date;
  statusTokenHash: Buffer;
}

/** A case `openCase` opened: its keys, and whether its citizen existed and how many identities the statement claimed. */
export interface OpenedCase {
  id: string;
  reference: string;
  citizen_id: string;
  existed: boolean;
  claimed: number;
}

export interface NewContact {
  caseId: string;
  citizenId: string;
  channel: Channel;
  direction: Direction;
  externalId?: string;
  sender: Record<string, string>;
  subject?: string;
  bodyText: string;
  bodyHtml?: string;
  quotedText?: string;
  language?: Language;
  authorId?: string;
  occurredAt: Date;
}

export interface NewAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  sha256: Buffer;
}

export interface CaseEvent {
  caseId: string;
  type: string;
  fromStatus?: CaseStatus;
  toStatus?: CaseStatus;
  actorKind: 'system' | 'staff' | 'citizen';
  actorId?: string;
  data?: Record<string, unknown>;
}

/** Case events as the column arrays `unnest` turns back into rows, without their case. */
const eventDetailColumns = (events: Omit<CaseEvent, 'caseId'>[]) => [
  events.map((e) => e.type), events.map((e) => e.fromStatus ?? null), events.map((e) => e.toStatus ?? null),
  events.map((e) => e.actorKind), events.map((e) => e.actorId ?? null), events.map((e) => JSON.stringify(e.data ?? {})),
];

/** Case events as the column arrays `unnest` turns back into rows. */
const eventColumns = (events: CaseEvent[]) => [events.map((e) => e.caseId), ...eventDetailColumns(events)];

const CASE_COLUMNS = `id, reference, citizen_id, topic_id, queue_id, channel, subject, language, priority, status,
  assignee_id, sla_due_at, created_at, updated_at, last_contact_at, resolved_at`;

/**
 * CTEs `inserted` (a case straight into the queue, returning CASE_COLUMNS) and `link` (its first
 * status link); the reference is the next of the current year in the municipality's zone. `$(n)`
 * names the parameter for n = 1 topic, 2 queue, 3 channel, 4 subject, 5 language, 6 priority,
 * 7 first-response due time, 8 time zone, 9 status token hash.
 */
const queuedCaseCtes = (citizenId: string, $: (n: number) => string) => `inserted AS (
         INSERT INTO cases (reference, citizen_id, topic_id, queue_id, channel, subject, language, priority, status, sla_due_at)
         VALUES ('K-' || to_char(now() AT TIME ZONE ${$(8)}, 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 6, '0'),
                 ${citizenId}, ${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)}, 'queued', ${$(7)}::timestamptz)
         RETURNING ${CASE_COLUMNS}
       ), link AS (
         INSERT INTO case_status_links (token_hash, case_id) SELECT ${$(9)}, id FROM inserted
       )`;

/** Writes of cases, their contacts, attachments and events. Every method runs in the caller's transaction. */
@Injectable()
export class CasesRepository {
  /** The contact already recorded for a channel's message id, if any. */
  findContactByExternalId(tx: Sql, channel: Channel, externalId: string) {
    return tx.one<{ contact_id: string; case_id: string; reference: string }>(
      `SELECT ct.id AS contact_id, c.id AS case_id, c.reference
       FROM contacts ct JOIN cases c ON c.id = ct.case_id WHERE ct.channel = $1 AND ct.external_id = $2`,
      [channel, externalId],
    );
  }

  /** Locks and returns the case a status link belongs to. */
  lockByStatusTokenHash(tx: Sql, hash: Buffer): Promise<CaseRow | undefined> {
    return tx.one(
      `SELECT ${CASE_COLUMNS} FROM cases WHERE id = (SELECT case_id FROM case_status_links WHERE token_hash = $1) FOR UPDATE`,
      [hash],
    );
  }

  /** Locks and returns the first of the referenced cases that is not closed. */
  lockOpenByReferences(tx: Sql, references: string[]): Promise<CaseRow | undefined> {
    return tx.one(
      `SELECT ${CASE_COLUMNS} FROM cases WHERE reference = ANY($1::text[]) AND status <> 'closed'
       ORDER BY array_position($1::text[], reference) LIMIT 1 FOR UPDATE`,
      [references],
    );
  }

  /** The first of the referenced cases in any status, without locking: the case a new one is linked to. */
  firstByReferences(tx: Sql, references: string[]): Promise<CaseRow | undefined> {
    return tx.one(
      `SELECT ${CASE_COLUMNS} FROM cases WHERE reference = ANY($1::text[]) ORDER BY array_position($1::text[], reference) LIMIT 1`,
      [references],
    );
  }

  lock(tx: Sql, id: string): Promise<CaseRow | undefined> {
    return tx.one(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1 FOR UPDATE`, [id]);
  }

  /**
   * Inserts a case straight into the queue (its events record the step from `new`) with its first
   * status link, in one statement; the reference is the next of the current year (in the municipality's zone). */
  async insertCase(tx: Sql, input: NewCase, timeZone: string): Promise<CaseRow> {
    return (await tx.one<CaseRow>(
      `WITH ${queuedCaseCtes('$1', (n) => `$${n + 1}`)}
       SELECT * FROM inserted`,
      [input.citizenId, input.topicId, input.queueId, input.channel, input.subject, input.language, input.priority,
        input.slaDueAt, timeZone, input.statusTokenHash],
    ))!;
  }

  /**
   * Opens a case for a first contact in one statement: the citizen CTEs (`citizen`, from
   * @kontakt/citizens, with `chosen` and `claimed`) resolve the sender, then the queued case with its
   * status link as `insertCase` inserts them, the contact under `contactId` and the case's events
   * (their `caseId` is the new case's). Returns the case's keys with what the citizen CTEs decided.
   */
  async openCase(
    tx: Sql, citizen: { ctes: string; params: unknown[] }, input: Omit<NewCase, 'citizenId'>, timeZone: string,
    contactId: string, contact: Omit<NewContact, 'caseId' | 'citizenId'>, events: Omit<CaseEvent, 'caseId'>[],
  ): Promise<OpenedCase> {
    const params = [...citizen.params, input.topicId, input.queueId, input.channel, input.subject, input.language, input.priority,
      input.slaDueAt, timeZone, input.statusTokenHash,
      contactId, contact.channel, contact.direction, contact.externalId ?? null, JSON.stringify(contact.sender), contact.subject ?? null,
      contact.bodyText, contact.bodyHtml ?? null, contact.language ?? null, contact.authorId ?? null, contact.occurredAt,
      contact.quotedText ?? null, ...eventDetailColumns(events)];
    const $ = (n: number) => `$${citizen.params.length + n}`;
    return (await tx.one<OpenedCase>(
      `WITH ${citizen.ctes},
       ${queuedCaseCtes('(SELECT id FROM chosen)', $)},
       contact AS (
         INSERT INTO contacts (id, case_id, citizen_id, channel, direction, external_id, sender, subject, body_text, body_html,
                               language, author_id, occurred_at, quoted_text)
         VALUES (${$(10)}, (SELECT id FROM inserted), (SELECT id FROM chosen), ${$(11)}, ${$(12)}, ${$(13)}, ${$(14)}, ${$(15)}, ${$(16)},
                 ${$(17)}, ${$(18)}, ${$(19)}, ${$(20)}, ${$(21)})
       ), events AS (
         INSERT INTO case_events (case_id, type, from_status, to_status, actor_kind, actor_id, data)
         SELECT (SELECT id FROM inserted), e.* FROM unnest(${$(22)}::text[], ${$(23)}::text[], ${$(24)}::text[], ${$(25)}::text[],
                                                           ${$(26)}::uuid[], ${$(27)}::jsonb[]) AS e
       )
       SELECT i.id, i.reference, i.citizen_id, c.existed, (SELECT count(*)::int FROM claimed) AS claimed FROM inserted i, chosen c`,
      params,
    ))!;
  }

  /** Gives a just-opened case and its contact to another citizen (the winner of a race for the sender's identities). */
  async moveToCitizen(tx: Sql, caseId: string, contactId: string, citizenId: string): Promise<void> {
    await tx.rows(
      `WITH moved AS (UPDATE cases SET citizen_id = $3 WHERE id = $1) UPDATE contacts SET citizen_id = $3 WHERE id = $2`,
      [caseId, contactId, citizenId],
    );
  }

  async insertStatusLink(sql: Sql, caseId: string, tokenHash: Buffer): Promise<void> {
    await sql.rows('INSERT INTO case_status_links (token_hash, case_id) VALUES ($1, $2)', [tokenHash, caseId]);
  }

  /** Moves a locked case to a new status; leaving for the queue drops the assignee, resolving stamps the time. */
  /** Moves a locked case to a status (and assignee), recording its events in the same statement. */
  async setStatus(tx: Sql, caseId: string, status: CaseStatus, assigneeId?: string | null, events: CaseEvent[] = []): Promise<void> {
    const move = `UPDATE cases SET status = $2,
         assignee_id = CASE WHEN $2 = 'queued' THEN NULL WHEN $3::boolean THEN $4::uuid ELSE assignee_id END,
         resolved_at = CASE WHEN $2 = 'resolved' THEN now() WHEN $2 IN ('queued', 'assigned') THEN NULL ELSE resolved_at END,
         updated_at = now()
       WHERE id = $1`;
    const params = [caseId, status, assigneeId !== undefined, assigneeId ?? null];
    if (events.length === 0) {
      await tx.rows(move, params);
      return;
    }
    await tx.rows(
      `WITH moved AS (${move} RETURNING id)
       INSERT INTO case_events (case_id, type, from_status, to_status, actor_kind, actor_id, data)
       SELECT * FROM unnest($5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::jsonb[])`,
      [...params, ...eventColumns(events)],
    );
  }

  /** Moves locked cases to new statuses in one statement, each as `setStatus` would. */
  async setStatuses(tx: Sql, moves: { caseId: string; status: CaseStatus; assigneeId?: string | null }[]): Promise<void> {
    if (moves.length === 0) return;
    await tx.rows(
      `UPDATE cases c SET status = m.status,
         assignee_id = CASE WHEN m.status = 'queued' THEN NULL WHEN m.set_assignee THEN m.assignee_id ELSE c.assignee_id END,
         resolved_at = CASE WHEN m.status = 'resolved' THEN now() WHEN m.status IN ('queued', 'assigned') THEN NULL ELSE c.resolved_at END,
         updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::uuid[]) AS m(case_id, status, set_assignee, assignee_id)
       WHERE c.id = m.case_id`,
      [moves.map((m) => m.caseId), moves.map((m) => m.status), moves.map((m) => m.assigneeId !== undefined), moves.map((m) => m.assigneeId ?? null)],
    );
  }

  async touch(tx: Sql, caseId: string): Promise<void> {
    await tx.rows('UPDATE cases SET last_contact_at = now(), updated_at = now() WHERE id = $1', [caseId]);
  }

  async insertContact(tx: Sql, contact: NewContact): Promise<string> {
    const row = await tx.one<{ id: string }>(
      `INSERT INTO contacts (case_id, citizen_id, channel, direction, external_id, sender, subject, body_text, body_html,
                             language, author_id, occurred_at, quoted_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [contact.caseId, contact.citizenId, contact.channel, contact.direction, contact.externalId ?? null,
        JSON.stringify(contact.sender), contact.subject ?? null, contact.bodyText, contact.bodyHtml ?? null,
        contact.language ?? null, contact.authorId ?? null, contact.occurredAt, contact.quotedText ?? null],
    );
    return row!.id;
  }

  /** Inserts the attachments in order and returns their ids in the same order. */
  async insertAttachments(tx: Sql, contactId: string, attachments: NewAttachment[]): Promise<string[]> {
    const ids: string[] = [];
    for (const a of attachments) {
      const row = await tx.one<{ id: string }>(
        `INSERT INTO attachments (contact_id, filename, content_type, size_bytes, sha256, content) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [contactId, a.filename, a.contentType, a.content.length, a.sha256, a.content],
      );
      ids.push(row!.id);
    }
    return ids;
  }

  /** Records events in one statement; the log is append-only. */
  /** Inserts an inbound or outbound contact under a given id together with case events, in one statement. */
  async insertContactWithEvents(tx: Sql, contactId: string, contact: NewContact, events: CaseEvent[]): Promise<void> {
    await tx.rows(
      `WITH contact AS (
         INSERT INTO contacts (id, case_id, citizen_id, channel, direction, external_id, sender, subject, body_text, body_html,
                               language, author_id, occurred_at, quoted_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       )
       INSERT INTO case_events (case_id, type, from_status, to_status, actor_kind, actor_id, data)
       SELECT * FROM unnest($15::uuid[], $16::text[], $17::text[], $18::text[], $19::text[], $20::uuid[], $21::jsonb[])`,
      [contactId, contact.caseId, contact.citizenId, contact.channel, contact.direction, contact.externalId ?? null,
        JSON.stringify(contact.sender), contact.subject ?? null, contact.bodyText, contact.bodyHtml ?? null,
        contact.language ?? null, contact.authorId ?? null, contact.occurredAt, contact.quotedText ?? null,
        ...eventColumns(events)],
    );
  }

  async insertEvents(tx: Sql, events: CaseEvent[]): Promise<void> {
    if (events.length === 0) return;
    await tx.rows(
      `INSERT INTO case_events (case_id, type, from_status, to_status, actor_kind, actor_id, data)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::jsonb[])`,
      eventColumns(events),
    );
  }

  async insertNote(tx: Sql, caseId: string, authorId: string, body: string): Promise<{ id: string; created_at: Date }> {
    return (await tx.one<{ id: string; created_at: Date }>(
      'INSERT INTO case_notes (case_id, author_id, body) VALUES ($1, $2, $3) RETURNING id, created_at',
      [caseId, authorId, body],
    ))!;
  }
}
