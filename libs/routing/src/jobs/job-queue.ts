import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import type { Sql } from '@kontakt/core';
import { OFFER_EXPIRY_JOB, PRESENCE_GRACE_JOB, SWEEP_JOB } from './job-names';

export type JobHandler<T> = (data: T) => Promise<void>;

/** 'stately': at most one job waiting and one running, so a chain that re-sends itself is never doubled. */
const QUEUES: { name: string; policy: 'standard' | 'stately' }[] = [
  { name: OFFER_EXPIRY_JOB, policy: 'standard' },
  { name: PRESENCE_GRACE_JOB, policy: 'standard' },
  { name: SWEEP_JOB, policy: 'stately' },
];

/**
 * The PostgreSQL job queue (pg-boss 10) the router's timers run on: offer expiry, presence grace,
 * the periodic sweep. Jobs survive restarts and any process may run them; a job sent inside a
 * transaction (`insertInTransaction`) exists exactly when that transaction commits.
 */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly logger = new Logger(JobQueue.name);
  private boss?: PgBoss;
  private starting?: Promise<PgBoss>;

  constructor(private readonly dataSource: DataSource) {}

  private start(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const url = (this.dataSource.options as { url?: string }).url;
      const boss = new PgBoss({ connectionString: url, max: 4, application_name: 'kontakt-jobs', schema: 'pgboss', supervise: true, schedule: true });
      boss.on('error', (error) => this.logger.error({ event: 'job_queue_error', error: error.message }));
      await boss.start();
      for (const queue of QUEUES) await this.define(boss, queue);
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }

  private async define(boss: PgBoss, queue: (typeof QUEUES)[number]): Promise<void> {
    if (await boss.getQueue(queue.name)) return;
    await boss.createQueue(queue.name, { name: queue.name, policy: queue.policy, retryLimit: 3, retryDelay: 1 }).catch(async (error: Error) => {
      // another process created it at the same moment
      if (!(await boss.getQueue(queue.name))) throw error;
    });
  }

  async work<T extends object>(name: string, pollingIntervalSeconds: number, handler: JobHandler<T>): Promise<void> {
    const boss = await this.start();
    await boss.work<T>(name, { pollingIntervalSeconds, batchSize: 20 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }

  async send(name: string, data: object, options: PgBoss.SendOptions = {}): Promise<void> {
    await (await this.start()).send(name, data, options);
  }

  /** Sends many jobs of one queue in one statement, as part of the caller's transaction. */
  async insertInTransaction(tx: Sql, name: string, jobs: { data: object; startAfter: Date; singletonKey: string }[]): Promise<void> {
    if (jobs.length === 0) return;
    const db = { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.rows(text, values) }) };
    await (await this.start()).insert(jobs.map((job) => ({ name, ...job })), { db });
  }

  async schedule(name: string, cron: string): Promise<void> {
    await (await this.start()).schedule(name, cron, {}, { tz: 'UTC' });
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
  }
}
