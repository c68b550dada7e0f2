import type { AttachmentMetaRow, CaseListPageRow, CaseListRow, ContactRow } from './case-reads.repository';

/** JSON shapes of the case API; rows from SQL never leave the library as they are. */
export const caseSummary = (r: CaseListRow) => ({
  id: r.id,
  reference: r.reference,
  channel: r.channel,
  status: r.status,
  subject: r.subject,
  priority: r.priority,
  language: r.language,
  topic: r.topic,
  queue: r.queue,
  citizen: { id: r.citizen_id, name: r.citizen_name },
  assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name } : null,
  slaDueAt: r.sla_due_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  lastContactAt: r.last_contact_at,
});

/** A row of the case list, with whether the staff member asking has seen its latest citizen contact. */
export const caseListItem = (r: CaseListPageRow) => ({ ...caseSummary(r), unread: r.unread });

export const attachmentView = (a: AttachmentMetaRow) => ({
  id: a.id,
  filename: a.filename,
  contentType: a.content_type,
  size: a.size_bytes,
  url: `/api/v1/attachments/${a.id}`,
});

export const contactView = (c: ContactRow, attachments: AttachmentMetaRow[]) => ({
  id: c.id,
  channel: c.channel,
  direction: c.direction,
  subject: c.subject,
  text: c.body_text,
  html: c.body_html,
  quoted: c.quoted_text,
  sender: c.sender,
  author: c.author_id ? { id: c.author_id, name: c.author_name } : null,
  occurredAt: c.occurred_at,
  costMinor: c.direct_cost_minor === null ? null : Number(c.direct_cost_minor),
  durationSeconds: c.duration_seconds,
  outcome: c.outcome,
  attachments: attachments.filter((a) => a.contact_id === c.id).map(attachmentView),
});

/** A cursor is the exact (created_at in epoch microseconds, id) of the last row, opaque to clients. */
export function encodeCursor(row: Pick<CaseListRow, 'created_at_us' | 'id'>): string {
  return Buffer.from(`${row.created_at_us}|${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAtMicros: string; id: string } | undefined {
  const [micros, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!micros || !id || !/^\d{1,17}$/.test(micros) || !uuid.test(id)) return undefined;
  return { createdAtMicros: micros, id };
}
