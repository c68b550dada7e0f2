import { Injectable } from '@nestjs/common';
import { conflict, invalid, isUniqueViolation, notFound } from '@kontakt/core';
import type { Priority, Topic } from './topic';
import { TopicChanges, TopicsRepository } from './topics.repository';

// Intake classifies every contact; topics change rarely, so each process keeps them briefly.
const CACHE_MS = 5_000;

/** Topics with their keyword rules and queues, editable by admins. */
@Injectable()
export class TopicsService {
  private cache?: { topics: Topic[]; at: number };

  constructor(private readonly repository: TopicsRepository) {}

  async active(): Promise<Topic[]> {
    if (!this.cache || Date.now() - this.cache.at > CACHE_MS) {
      this.cache = { topics: await this.repository.all(), at: Date.now() };
    }
    return this.cache.topics.filter((t) => t.active);
  }

  all(): Promise<Topic[]> {
    return this.repository.all();
  }

  queues() {
    return this.repository.queues();
  }

  async create(input: { slug: string; nameDa: string; nameEn: string; queueSlug: string; keywords?: string[]; priority?: Priority }): Promise<Topic> {
    const queue = await this.repository.queueBySlug(input.queueSlug);
    if (!queue) throw invalid(`queue ${input.queueSlug} does not exist`);
    try {
      await this.repository.insert({ ...input, queueId: queue.id, keywords: normaliseKeywords(input.keywords ?? []), priority: input.priority ?? 2 });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`A topic with slug ${input.slug} already exists`);
      throw error;
    }
    this.cache = undefined;
    return (await this.repository.bySlug(input.slug))!;
  }

  async update(slug: string, changes: TopicChanges): Promise<Topic> {
    let queueId: string | undefined;
    if (changes.queueSlug) {
      const queue = await this.repository.queueBySlug(changes.queueSlug);
      if (!queue) throw invalid(`queue ${changes.queueSlug} does not exist`);
      queueId = queue.id;
    }
    const current = await this.repository.bySlug(slug);
    if (!current) throw notFound(`Topic ${slug}`);
    if (current.isDefault && changes.active === false) throw conflict('The default topic catches unclassified contacts and cannot be deactivated');
    const keywords = changes.keywords && normaliseKeywords(changes.keywords);
    await this.repository.update(slug, { ...changes, keywords, queueId });
    this.cache = undefined;
    return (await this.repository.bySlug(slug))!;
  }
}

function normaliseKeywords(keywords: string[]): string[] {
  return [...new Set(keywords.map((k) => k.trim().toLowerCase().normalize('NFC')).filter(Boolean))];
}
