import { Injectable } from '@nestjs/common';
import { notFound } from '@kontakt/core';
import type { QueueSettings } from '../domain/queue-settings';
import { QueueSettingsRepository } from './queue-settings.repository';

/**
 * Queue settings change rarely and the router reads them for every case, so each process keeps them
 * for a few seconds. A change made on this process is seen at once; on another within FRESH_MS.
 */
const FRESH_MS = 3_000;

@Injectable()
export class QueueSettingsCache {
  private loaded?: { at: number; byId: Map<string, QueueSettings> };
  private loading?: Promise<Map<string, QueueSettings>>;

  constructor(private readonly repository: QueueSettingsRepository) {}

  async get(queueId: string): Promise<QueueSettings> {
    const settings = (await this.byId()).get(queueId) ?? (await this.byId(true)).get(queueId);
    if (!settings) throw notFound(`Queue ${queueId}`);
    return settings;
  }

  async all(): Promise<QueueSettings[]> {
    return [...(await this.byId()).values()];
  }

  invalidate(): void {
    this.loaded = undefined;
  }

  private async byId(force = false): Promise<Map<string, QueueSettings>> {
    if (!force && this.loaded && Date.now() - this.loaded.at < FRESH_MS) return this.loaded.byId;
    this.loading ??= this.repository.all().then((all) => {
      this.loaded = { at: Date.now(), byId: new Map(all.map((s) => [s.queueId, s])) };
      return this.loaded.byId;
    }).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }
}
