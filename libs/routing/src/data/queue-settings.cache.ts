import { Injectable } from '@nestjs/common';
import { notFound, Sql } from '@kontakt/core';
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

  /**
   * Inside a transaction pass its `sql`: a refresh then runs on that connection instead of taking a
   * second one from the pool, which could deadlock when every pooled connection is a routing transaction.
   */
  async get(queueId: string, sql?: Sql): Promise<QueueSettings> {
    const settings = (await this.byId(false, sql)).get(queueId) ?? (await this.byId(true, sql)).get(queueId);
    if (!settings) throw notFound(`Queue ${queueId}`);
    return settings;
  }

  async all(): Promise<QueueSettings[]> {
    return [...(await this.byId()).values()];
  }

  invalidate(): void {
    this.loaded = undefined;
  }

  private async byId(force = false, sql?: Sql): Promise<Map<string, QueueSettings>> {
    if (!force && this.loaded && Date.now() - this.loaded.at < FRESH_MS) return this.loaded.byId;
    if (sql) return this.load(this.repository.all(sql));
    this.loading ??= this.load(this.repository.all()).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(settings: Promise<QueueSettings[]>): Promise<Map<string, QueueSettings>> {
    const all = await settings;
    this.loaded = { at: Date.now(), byId: new Map(all.map((s) => [s.queueId, s])) };
    return this.loaded.byId;
  }
}
