import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';

/** What a number takes: calls (its voice webhook) or texts (its messaging webhook). */
export type NumberKind = 'voice' | 'sms';

export interface TwilioNumberRow {
  id: string;
  number: string;
  label: string;
  queue_id: string | null;
  queue_slug: string | null;
  voice: boolean;
  sms: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface TwilioNumberFields {
  number: string;
  label: string;
  queueId: string | null;
  voice: boolean;
  sms: boolean;
}

const SELECT_NUMBERS = `SELECT n.id, n.number, n.label, n.queue_id, q.slug AS queue_slug, n.voice, n.sms, n.created_at, n.updated_at
  FROM twilio_numbers n LEFT JOIN queues q ON q.id = n.queue_id`;

/** The municipality's Twilio numbers; `number` is unique (constraint twilio_numbers_number). */
@Injectable()
export class TwilioNumbersRepository {
  list(sql: Sql): Promise<TwilioNumberRow[]> {
    return sql.rows(`${SELECT_NUMBERS} ORDER BY n.label, n.number`);
  }

  byId(sql: Sql, id: string): Promise<TwilioNumberRow | undefined> {
    return sql.one(`${SELECT_NUMBERS} WHERE n.id = $1`, [id]);
  }

  async insert(sql: Sql, fields: TwilioNumberFields): Promise<string> {
    const row = await sql.one<{ id: string }>(
      'INSERT INTO twilio_numbers (number, label, queue_id, voice, sms) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [fields.number, fields.label, fields.queueId, fields.voice, fields.sms],
    );
    return row!.id;
  }

  async update(sql: Sql, id: string, fields: TwilioNumberFields): Promise<boolean> {
    const rows = await sql.rows(
      'UPDATE twilio_numbers SET number = $2, label = $3, queue_id = $4, voice = $5, sms = $6, updated_at = now() WHERE id = $1 RETURNING id',
      [id, fields.number, fields.label, fields.queueId, fields.voice, fields.sms],
    );
    return rows.length > 0;
  }

  async remove(sql: Sql, id: string): Promise<boolean> {
    return (await sql.rows('DELETE FROM twilio_numbers WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  /** The queue whose direct line `number` is for this kind of contact; undefined for an unlisted number, one without a queue, or of the other kind. */
  async queueOf(sql: Sql, number: string, kind: NumberKind): Promise<string | undefined> {
    const row = await sql.one<{ queue_id: string | null }>(
      `SELECT queue_id FROM twilio_numbers WHERE number = $1 AND CASE WHEN $2 = 'voice' THEN voice ELSE sms END`,
      [number, kind],
    );
    return row?.queue_id ?? undefined;
  }

  async takesSms(sql: Sql, number: string): Promise<boolean> {
    return (await sql.one('SELECT 1 FROM twilio_numbers WHERE number = $1 AND sms', [number])) !== undefined;
  }

  async queueIdBySlug(sql: Sql, slug: string): Promise<string | undefined> {
    return (await sql.one<{ id: string }>('SELECT id FROM queues WHERE slug = $1', [slug]))?.id;
  }
}
