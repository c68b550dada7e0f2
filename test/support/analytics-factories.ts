import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { TestServer } from './test-server';

/**
 * History for analytics tests, written straight into a test server's database the way channel
 * adapters and case transitions record it (contacts with their cost columns, cases, case_events
 * with from/to status): the public API cannot backdate, and hand-computed expectations need exact
 * times, days and durations.
 */
export interface HistoryCase {
  channel: string;
  createdAt: string;
  slaDueAt?: string;
  status?: string;
  topic?: string;
  segment?: string;
  citizenId?: string;
}

export interface HistoryContact {
  channel: string;
  direction?: 'inbound' | 'outbound';
  occurredAt: string;
  authorId?: string;
  directCostMinor?: number;
  durationSeconds?: number;
}

export class History {
  private constructor(private readonly db: Client) {}

  static async open(server: TestServer): Promise<History> {
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    return new History(db);
  }

  async citizen(segment = 'resident', email?: string): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>('INSERT INTO citizens (display_name, segment) VALUES ($1, $2) RETURNING id', ['Test borger', segment]);
    if (email) await this.db.query(`INSERT INTO citizen_identities (citizen_id, kind, value) VALUES ($1, 'email', $2)`, [rows[0].id, email]);
    return rows[0].id;
  }

  async case(fields: HistoryCase): Promise<string> {
    const citizenId = fields.citizenId ?? (await this.citizen(fields.segment));
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO cases (reference, citizen_id, topic_id, queue_id, channel, subject, priority, status, sla_due_at, created_at, updated_at)
       SELECT $1, $2, t.id, t.queue_id, $4, 'Historik', 2, $5, $6, $7, $7 FROM topics t WHERE t.slug = $3 RETURNING id`,
      [`K-2026-H${randomUUID().slice(0, 8)}`, citizenId, fields.topic ?? 'generelt', fields.channel, fields.status ?? 'new',
        fields.slaDueAt ?? null, fields.createdAt]);
    return rows[0].id;
  }

  async contact(caseId: string, fields: HistoryContact): Promise<void> {
    await this.db.query(
      `INSERT INTO contacts (case_id, citizen_id, channel, direction, body_text, author_id, occurred_at, direct_cost_minor, duration_seconds)
       SELECT $1, citizen_id, $2, $3, 'Historik', $4, $5, $6, $7 FROM cases WHERE id = $1`,
      [caseId, fields.channel, fields.direction ?? 'inbound', fields.authorId ?? null, fields.occurredAt, fields.directCostMinor ?? null,
        fields.durationSeconds ?? null]);
  }

  async transition(caseId: string, from: string, to: string, at: string): Promise<void> {
    await this.db.query(
      `INSERT INTO case_events (case_id, type, from_status, to_status, actor_kind, created_at) VALUES ($1, 'status_changed', $2, $3, 'system', $4)`,
      [caseId, from, to, at]);
    await this.db.query('UPDATE cases SET status = $2 WHERE id = $1', [caseId, to]);
  }

  query<T extends object>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.db.query(text, params).then((r) => r.rows as T[]);
  }

  close(): Promise<void> {
    return this.db.end();
  }
}

/** Waits until the analytics worker has folded every pending change. */
export async function waitForRollups(server: TestServer, token: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await server.as(token).get('/api/v1/reports/rollups');
    if (response.status === 200 && response.body.pendingCases === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('The analytics rollups did not catch up in time');
}
