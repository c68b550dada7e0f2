import { Injectable } from '@nestjs/common';
import type { Language, Sql } from '@kontakt/core';
import type { WeeklyHours } from '@kontakt/routing';

export interface MenuItem {
  digit: number;
  /** the topic's id */
  id: string;
  slug: string;
  nameDa: string;
  nameEn: string;
  queueId: string;
}

export interface PhoneAgent {
  userId: string;
  /** an E.164 number or client:<identity> */
  endpoint: string;
}

/** What a call needs to find its way: the keypad menu, the queue's hours, an agent who can take it. */
@Injectable()
export class CallRoutingRepository {
  /** The admin's menu, or else the first nine active topics in their order. */
  async menu(sql: Sql): Promise<MenuItem[]> {
    const rows = await sql.rows<{ digit: number; topic_id: string; slug: string; name_da: string; name_en: string; queue_id: string }>(
      `WITH chosen AS (
         SELECT m.digit, t.id AS topic_id, t.slug, t.name_da, t.name_en, t.queue_id FROM phone_ivr_menu m JOIN topics t ON t.id = m.topic_id WHERE t.active
       ), fallback AS (
         SELECT (row_number() OVER (ORDER BY position, name_da))::int AS digit, id AS topic_id, slug, name_da, name_en, queue_id
         FROM topics WHERE active AND NOT EXISTS (SELECT 1 FROM phone_ivr_menu)
       )
       SELECT * FROM chosen UNION ALL SELECT * FROM fallback WHERE digit <= 9 ORDER BY digit`,
    );
    return rows.map((r) => ({ digit: r.digit, id: r.topic_id, slug: r.slug, nameDa: r.name_da, nameEn: r.name_en, queueId: r.queue_id }));
  }

  async setMenu(tx: Sql, items: { digit: number; topicSlug: string }[]): Promise<string[]> {
    await tx.rows('DELETE FROM phone_ivr_menu');
    const inserted = await tx.rows<{ slug: string }>(
      `INSERT INTO phone_ivr_menu (digit, topic_id)
       SELECT i.digit, t.id FROM unnest($1::smallint[], $2::text[]) AS i (digit, slug) JOIN topics t ON t.slug = i.slug
       RETURNING (SELECT slug FROM topics WHERE id = topic_id)`,
      [items.map((i) => i.digit), items.map((i) => i.topicSlug)],
    );
    return inserted.map((r) => r.slug);
  }

  /** The queue's weekly hours (set through the routing admin API); null means open around the clock. */
  async queueHours(sql: Sql, queueId: string): Promise<WeeklyHours | null> {
    const row = await sql.one<{ business_hours: WeeklyHours | null }>('SELECT business_hours FROM routing_queue_settings WHERE queue_id = $1', [queueId]);
    return row?.business_hours ?? null;
  }

  /**
   * An agent who can take a call now: available, speaking the caller's language, with a phone endpoint
   * and free phone capacity (held < capacity, the router's own bookkeeping), the most skilled on the
   * topic or queue first, then the longest idle. A read-only query: the call itself holds no capacity
   * until its case is assigned.
   */
  async availableAgent(sql: Sql, topicId: string, queueId: string, language: Language): Promise<PhoneAgent | undefined> {
    const row = await sql.one<{ user_id: string; endpoint: string }>(
      `SELECT u.id AS user_id, e.endpoint
       FROM staff_users u
       JOIN staff_phone_endpoints e ON e.user_id = u.id
       JOIN routing_agent_load l ON l.user_id = u.id AND l.channel = 'phone'
       JOIN routing_agents a ON a.user_id = u.id
       WHERE u.presence = 'available' AND u.disabled_at IS NULL AND $3 = ANY (u.languages)
         AND l.held < coalesce((u.capacity ->> 'phone')::int, 0)
       ORDER BY greatest(
           coalesce((SELECT level FROM staff_skills s WHERE s.user_id = u.id AND s.topic_id = $1), 0),
           coalesce((SELECT level FROM staff_queue_skills q WHERE q.user_id = u.id AND q.queue_id = $2), 0)) DESC,
         a.idle_since, u.id
       LIMIT 1`,
      [topicId, queueId, language],
    );
    return row && { userId: row.user_id, endpoint: row.endpoint };
  }

  async setEndpoint(sql: Sql, userId: string, endpoint: string | null): Promise<boolean> {
    if (endpoint === null) {
      await sql.rows('DELETE FROM staff_phone_endpoints WHERE user_id = $1', [userId]);
      return true;
    }
    const rows = await sql.rows<{ user_id: string }>(
      `INSERT INTO staff_phone_endpoints (user_id, endpoint) SELECT id, $2 FROM staff_users WHERE id = $1
       ON CONFLICT (user_id) DO UPDATE SET endpoint = $2, updated_at = now() RETURNING user_id`,
      [userId, endpoint],
    );
    return rows.length > 0;
  }

  endpoints(sql: Sql): Promise<{ user_id: string; name: string; endpoint: string }[]> {
    return sql.rows('SELECT e.user_id, u.name, e.endpoint FROM staff_phone_endpoints e JOIN staff_users u ON u.id = e.user_id ORDER BY u.name');
  }
}
