import { Injectable, Logger } from '@nestjs/common';
import { CHANNELS, invalid, notFound } from '@kontakt/core';
import { TopicsRepository } from '@kontakt/topics';
import type { QueueSettings, WeeklyHours } from '../domain/queue-settings';
import { QueueSettingsCache } from '../data/queue-settings.cache';
import { QueueSettingsChanges, QueueSettingsRepository } from '../data/queue-settings.repository';
import type { QueueSettingsDto } from './routing.dto';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function perChannel(name: string, value: Record<string, number> | undefined, min: number, max: number): void {
  for (const [channel, n] of Object.entries(value ?? {})) {
    if (!(CHANNELS as readonly string[]).includes(channel)) throw invalid(`${name} names an unknown channel ${channel}; channels are ${CHANNELS.join(', ')}`);
    if (!Number.isInteger(n) || n < min || n > max) throw invalid(`${name}.${channel} must be a whole number from ${min} to ${max}`);
  }
}

function weeklyHours(hours: WeeklyHours | null | undefined): void {
  for (const [day, ranges] of Object.entries(hours ?? {})) {
    if (!/^[1-7]$/.test(day)) throw invalid(`businessHours keys are ISO weekdays 1 (Monday) to 7 (Sunday); got ${day}`);
    if (!Array.isArray(ranges)) throw invalid(`businessHours.${day} must be a list of ["HH:MM", "HH:MM"] pairs`);
    for (const range of ranges) {
      if (!Array.isArray(range) || range.length !== 2 || !range.every((t) => typeof t === 'string' && HHMM.test(t)) || range[0] >= range[1]) {
        throw invalid(`businessHours.${day} must hold ["HH:MM", "HH:MM"] pairs with the opening before the closing time`);
      }
    }
  }
}

/** Administrators read and change how each queue routes. */
@Injectable()
export class QueueSettingsService {
  private readonly logger = new Logger(QueueSettingsService.name);

  constructor(
    private readonly repository: QueueSettingsRepository,
    private readonly cache: QueueSettingsCache,
    private readonly topics: TopicsRepository,
  ) {}

  async list() {
    const all = await this.repository.all();
    const slugOf = new Map(all.map((s) => [s.queueId, s.queueSlug]));
    return all.map((s) => this.view(s, slugOf));
  }

  async update(slug: string, dto: QueueSettingsDto) {
    const queue = await this.topics.queueBySlug(slug);
    if (!queue) throw notFound(`Queue ${slug}`);
    perChannel('offerSeconds', dto.offerSeconds, 5, 3600);
    perChannel('firstResponseMinutes', dto.firstResponseMinutes, 1, 525_600);
    weeklyHours(dto.businessHours);
    for (const [segment, steps] of Object.entries(dto.segmentPriority ?? {})) {
      if (!Number.isInteger(steps) || steps < -3 || steps > 3) throw invalid(`segmentPriority.${segment} must be a whole number from -3 to 3`);
    }
    const { overflowQueue, ...rest } = dto;
    const changes: QueueSettingsChanges = { ...rest };
    if (overflowQueue !== undefined) {
      const overflow = overflowQueue === null ? null : await this.topics.queueBySlug(overflowQueue);
      if (overflow === undefined) throw invalid(`overflowQueue ${overflowQueue} does not exist`);
      if (overflow && overflow.id === queue.id) throw invalid('overflowQueue must be another queue');
      changes.overflowQueueId = overflow?.id ?? null;
    }
    await this.repository.update(queue.id, changes);
    this.cache.invalidate();
    this.logger.log({ event: 'queue_settings_changed', queue: slug, changes: Object.keys(dto) });
    return (await this.list()).find((s) => s.queue === slug);
  }

  private view(s: QueueSettings, slugOf: Map<string, string>) {
    const { queueId, queueSlug, overflowQueueId, ...rest } = s;
    return { queue: queueSlug, queueId, overflowQueue: overflowQueueId ? (slugOf.get(overflowQueueId) ?? null) : null, ...rest };
  }
}
