import { Injectable } from '@nestjs/common';
import { Database } from '@kontakt/database';
import type { Sql } from '@kontakt/core';
import type { Priority, Topic } from './topic';

interface TopicRow {
  id: string;
  slug: string;
  name_da: string;
  name_en: string;
  queue_id: string;
  queue_slug: string;
  keywords: string[];
  priority: Priority;
  is_default: boolean;
  active: boolean;
  position: number;
}

export interface QueueRow {
  id: string;
  slug: string;
  name_da: string;
  name_en: string;
  sla_minutes: number;
}

export interface TopicChanges {
  nameDa?: string;
  nameEn?: string;
  queueSlug?: string;
  keywords?: string[];
  priority?: Priority;
  active?: boolean;
}

const SELECT_TOPICS = `
  SELECT t.id, t.slug, t.name_da, t.name_en, t.queue_id, q.slug AS queue_slug,
         t.keywords, t.priority, t.is_default, t.active, t.position
  FROM topics t JOIN queues q ON q.id = t.queue_id`;

const toTopic = (r: TopicRow): Topic => ({
  id: r.id,
  slug: r.slug,
  nameDa: r.name_da,
  nameEn: r.name_en,
  queueId: r.queue_id,
  queueSlug: r.queue_slug,
  keywords: r.keywords,
  priority: r.priority,
  isDefault: r.is_default,
  active: r.active,
  position: r.position,
});

@Injectable()
export class TopicsRepository {
  constructor(private readonly db: Database) {}

  async all(sql: Sql = this.db): Promise<Topic[]> {
    return (await sql.rows<TopicRow>(`${SELECT_TOPICS} ORDER BY t.position, t.slug`)).map(toTopic);
  }

  async bySlug(slug: string): Promise<Topic | undefined> {
    const row = await this.db.one<TopicRow>(`${SELECT_TOPICS} WHERE t.slug = $1`, [slug]);
    return row && toTopic(row);
  }

  queues(): Promise<QueueRow[]> {
    return this.db.rows('SELECT id, slug, name_da, name_en, sla_minutes FROM queues ORDER BY slug');
  }

  queueBySlug(slug: string): Promise<QueueRow | undefined> {
    return this.db.one('SELECT id, slug, name_da, name_en, sla_minutes FROM queues WHERE slug = $1', [slug]);
  }

  async insert(topic: { slug: string; nameDa: string; nameEn: string; queueId: string; keywords: string[]; priority: Priority }): Promise<void> {
    await this.db.rows(
      `INSERT INTO topics (slug, name_da, name_en, queue_id, keywords, priority, position)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT coalesce(max(position), 0) + 1 FROM topics))`,
      [topic.slug, topic.nameDa, topic.nameEn, topic.queueId, topic.keywords, topic.priority],
    );
  }

  async update(slug: string, changes: TopicChanges & { queueId?: string }): Promise<boolean> {
    const rows = await this.db.rows(
      `UPDATE topics SET
         name_da = coalesce($2, name_da), name_en = coalesce($3, name_en), queue_id = coalesce($4, queue_id),
         keywords = coalesce($5, keywords), priority = coalesce($6, priority), active = coalesce($7, active), updated_at = now()
       WHERE slug = $1 RETURNING id`,
      [slug, changes.nameDa ?? null, changes.nameEn ?? null, changes.queueId ?? null, changes.keywords ?? null, changes.priority ?? null, changes.active ?? null],
    );
    return rows.length > 0;
  }
}
