import { Injectable } from '@nestjs/common';
import { Database } from '@kontakt/database';
import type { Channel, Language } from '@kontakt/core';
import type { DeliveryRow } from '@kontakt/outbox';
import type { CaseStatus } from './case-status';

export interface CaseListFilter {
  status?: CaseStatus[];
  channel?: Channel[];
  queue?: string;
  topic?: string;
  /** a staff user id, or null for unassigned cases */
  assigneeId?: string | null;
  text?: string;
  after?: { createdAtMicros: string; id: string };
  limit: number;
  /** the staff member asking, whose unread markers the rows carry */
  viewerId: string;
}

export interface CaseListRow {
  id: string;
  reference: string;
  channel: Channel;
  status: CaseStatus;
  subject: string;
  priority: number;
  language: string;
  topic: string;
  queue: string;
  citizen_id: string;
  citizen_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  sla_due_at: Date | null;
  created_at: Date;
  created_at_us: string;
  updated_at: Date;
  last_contact_at: Date;
}

export interface CaseListPageRow extends CaseListRow {
  unread: boolean;
}

export interface ContactRow {
  id: string;
  channel: Channel;
  direction: 'inbound' | 'outbound';
  subject: string | null;
  body_text: string;
  body_html: string | null;
  quoted_text: string | null;
  sender: Record<string, string>;
  author_id: string | null;
  author_name: string | null;
  occurred_at: Date;
  /** bigint: node-postgres returns it as a string */
  direct_cost_minor: string | null;
  duration_seconds: number | null;
  outcome: string | null;
}

export interface AttachmentMetaRow {
  id: string;
  contact_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
}

const LIST_SELECT = `
  SELECT c.id, c.reference, c.channel, c.status, c.subject, c.priority, c.language, t.slug AS topic, q.slug AS queue,
         c.citizen_id, z.display_name AS citizen_name, c.assignee_id, u.name AS assignee_name,
         c.sla_due_at, c.created_at, (extract(epoch FROM c.created_at) * 1000000)::bigint::text AS created_at_us, c.updated_at, c.last_contact_at
  FROM cases c
  JOIN topics t ON t.id = c.topic_id
  JOIN queues q ON q.id = c.queue_id
  JOIN citizens z ON z.id = c.citizen_id
  LEFT JOIN staff_users u ON u.id = c.assignee_id`;

export interface NoteRow {
  id: string;
  body: string;
  author_id: string;
  author_name: string;
  created_at: Date;
}

export interface EventRow {
  type: string;
  from_status: string | null;
  to_status: string | null;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

export interface CaseDetailRow extends CaseListRow {
  citizen_language: Language;
  citizen_segment: string;
  identities: { kind: string; value: string }[];
  other_cases: { id: string; reference: string; status: CaseStatus; subject: string; channel: Channel; created_at: Date }[];
  contacts: ContactRow[];
  attachments: AttachmentMetaRow[];
  notes: NoteRow[];
  events: EventRow[];
  deliveries: DeliveryRow[];
}

/**
 * The case view in one statement: the case, its citizen with their identities and other cases (the
 * newest 50), and its contacts, attachments, notes, events and outbox deliveries as JSON arrays.
 * A round trip costs more than any of these index lookups, and the view is read on every case
 * action's answer. JSON carries timestamps as text; `dated` turns them back into Dates.
 */
const DETAIL_SELECT = `
  WITH c0 AS (${LIST_SELECT} WHERE c.id = $1)
  SELECT c0.*, z.preferred_language AS citizen_language, z.segment AS citizen_segment,
    (SELECT coalesce(json_agg(json_build_object('kind', i.kind, 'value', i.value) ORDER BY i.kind, i.created_at), '[]')
     FROM citizen_identities i WHERE i.citizen_id = c0.citizen_id) AS identities,
    (SELECT coalesce(json_agg(o ORDER BY o.created_at DESC), '[]') FROM (
       SELECT id, reference, status, subject, channel, created_at FROM cases
       WHERE citizen_id = c0.citizen_id AND id <> c0.id ORDER BY created_at DESC LIMIT 50) o) AS other_cases,
    (SELECT coalesce(json_agg(x ORDER BY x.occurred_at, x.created_at), '[]') FROM (
       SELECT ct.id, ct.channel, ct.direction, ct.subject, ct.body_text, ct.body_html, ct.quoted_text, ct.sender, ct.author_id,
              u.name AS author_name, ct.occurred_at, ct.direct_cost_minor::text, ct.duration_seconds, ct.outcome, ct.created_at
       FROM contacts ct LEFT JOIN staff_users u ON u.id = ct.author_id WHERE ct.case_id = c0.id) x) AS contacts,
    (SELECT coalesce(json_agg(a ORDER BY a.created_at), '[]') FROM (
       SELECT a.id, a.contact_id, a.filename, a.content_type, a.size_bytes, a.created_at
       FROM attachments a JOIN contacts ct ON ct.id = a.contact_id WHERE ct.case_id = c0.id) a) AS attachments,
    (SELECT coalesce(json_agg(n ORDER BY n.created_at), '[]') FROM (
       SELECT n.id, n.body, n.author_id, u.name AS author_name, n.created_at
       FROM case_notes n JOIN staff_users u ON u.id = n.author_id WHERE n.case_id = c0.id) n) AS notes,
    (SELECT coalesce(json_agg(e ORDER BY e.id), '[]') FROM (
       SELECT e.id, e.type, e.from_status, e.to_status, e.actor_kind, e.actor_id, u.name AS actor_name, e.data, e.created_at
       FROM case_events e LEFT JOIN staff_users u ON u.id = e.actor_id WHERE e.case_id = c0.id) e) AS events,
    (SELECT coalesce(json_agg(d ORDER BY d.created_at), '[]') FROM (
       SELECT id, channel, kind, contact_id, recipient, status, attempts, last_error, next_attempt_at, sent_at, failed_at, created_at
       FROM outbox_messages WHERE case_id = c0.id) d) AS deliveries
  FROM c0 JOIN citizens z ON z.id = c0.citizen_id`;

/** JSON timestamps (text) of the named fields back to Dates, as node-postgres gives them in plain rows. */
function dated<T>(rows: T[], fields: (keyof T)[]): T[] {
  for (const row of rows) for (const field of fields) if (row[field] !== null) row[field] = new Date(row[field] as string) as T[keyof T];
  return rows;
}

/** Reads for the case list, the case view and the citizen's status page. */
@Injectable()
export class CaseReadsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Newest first, keyset-paged on (created_at, id) so a page costs the same at any depth.
   * Text matches the reference exactly or any contact's Danish full-text vector.
   * Unread is worked out for the page's rows only, after the limit: a case is read when the viewer has a
   * marker and no citizen's contact was recorded after it. Per row that is one primary-key lookup of the
   * marker and one probe of contacts_case_inbound_recorded, whatever the number of cases or markers.
   */
  list(filter: CaseListFilter): Promise<CaseListPageRow[]> {
    return this.db.rows(
      `SELECT page.*, NOT EXISTS (
                SELECT 1 FROM case_read_markers m WHERE m.staff_id = $11 AND m.case_id = page.id AND NOT EXISTS (
                  SELECT 1 FROM contacts ci WHERE ci.case_id = page.id AND ci.direction = 'inbound' AND ci.created_at > m.seen_at)) AS unread
       FROM (${LIST_SELECT}
       WHERE ($1::text[] IS NULL OR c.status = ANY($1))
         AND ($2::text[] IS NULL OR c.channel = ANY($2))
         AND ($3::text IS NULL OR q.slug = $3)
         AND ($4::text IS NULL OR t.slug = $4)
         AND (NOT $5::boolean OR c.assignee_id IS NOT DISTINCT FROM $6::uuid)
         AND ($7::text IS NULL OR c.reference = upper($7) OR EXISTS (
               SELECT 1 FROM contacts ct WHERE ct.case_id = c.id AND ct.search @@ websearch_to_tsquery('danish', $7)))
         AND ($8::bigint IS NULL OR (c.created_at, c.id) < (timestamptz 'epoch' + $8::bigint * interval '1 microsecond', $9::uuid))
       ORDER BY c.created_at DESC, c.id DESC
       LIMIT $10) page
       ORDER BY page.created_at DESC, page.id DESC`,
      [filter.status ?? null, filter.channel ?? null, filter.queue ?? null, filter.topic ?? null,
        filter.assigneeId !== undefined, filter.assigneeId ?? null, filter.text ?? null,
        filter.after?.createdAtMicros ?? null, filter.after?.id ?? null, filter.limit, filter.viewerId],
    );
  }

  byId(id: string): Promise<CaseListRow | undefined> {
    return this.db.one(`${LIST_SELECT} WHERE c.id = $1`, [id]);
  }

  byStatusTokenHash(hash: Buffer): Promise<CaseListRow | undefined> {
    return this.db.one(`${LIST_SELECT} WHERE c.id = (SELECT case_id FROM case_status_links WHERE token_hash = $1)`, [hash]);
  }

  contacts(caseId: string): Promise<ContactRow[]> {
    return this.db.rows(
      `SELECT ct.id, ct.channel, ct.direction, ct.subject, ct.body_text, ct.body_html, ct.quoted_text, ct.sender, ct.author_id,
              u.name AS author_name, ct.occurred_at, ct.direct_cost_minor, ct.duration_seconds, ct.outcome
       FROM contacts ct LEFT JOIN staff_users u ON u.id = ct.author_id
       WHERE ct.case_id = $1 ORDER BY ct.occurred_at, ct.created_at`,
      [caseId],
    );
  }

  attachmentsOfCase(caseId: string): Promise<AttachmentMetaRow[]> {
    return this.db.rows(
      `SELECT a.id, a.contact_id, a.filename, a.content_type, a.size_bytes
       FROM attachments a JOIN contacts ct ON ct.id = a.contact_id WHERE ct.case_id = $1 ORDER BY a.created_at`,
      [caseId],
    );
  }

  attachment(id: string): Promise<(AttachmentMetaRow & { content: Buffer; case_id: string }) | undefined> {
    return this.db.one(
      `SELECT a.id, a.contact_id, a.filename, a.content_type, a.size_bytes, a.content, ct.case_id
       FROM attachments a JOIN contacts ct ON ct.id = a.contact_id WHERE a.id = $1`,
      [id],
    );
  }

  async detail(id: string): Promise<CaseDetailRow | undefined> {
    const row = await this.db.prepared.one<CaseDetailRow>(DETAIL_SELECT, [id]);
    if (!row) return undefined;
    dated(row.other_cases, ['created_at']);
    dated(row.contacts, ['occurred_at']);
    dated(row.notes, ['created_at']);
    dated(row.events, ['created_at']);
    dated(row.deliveries, ['next_attempt_at', 'sent_at', 'failed_at', 'created_at']);
    return row;
  }

  activeStaff(id: string) {
    return this.db.one<{ id: string; name: string }>('SELECT id, name FROM staff_users WHERE id = $1 AND disabled_at IS NULL', [id]);
  }
}
