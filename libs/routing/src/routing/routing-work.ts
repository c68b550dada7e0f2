import { Injectable, Logger } from '@nestjs/common';

/** At most this many routing transactions at once per process, leaving the connection pool to HTTP requests. */
const CONCURRENCY = 6;

type Task = { key: string; run: () => Promise<void> };

/**
 * Runs routing work after commit without making the request wait, a few at a time. Requests for the
 * same key (a case, an agent) are merged while one is waiting, and one that arrives while it runs
 * makes it run once more. Losing this queue (a crash) loses nothing: the database holds every waiting
 * case and free agent, and the periodic sweep routes them.
 */
@Injectable()
export class RoutingWork {
  private readonly logger = new Logger(RoutingWork.name);
  private readonly waiting: Task[] = [];
  private readonly queued = new Set<string>();
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  private active = 0;

  submit(key: string, run: () => Promise<void>): void {
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.waiting.push({ key, run });
    this.pump();
  }

  private pump(): void {
    while (this.active < CONCURRENCY && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.queued.delete(task.key);
      this.running.add(task.key);
      this.active++;
      task.run()
        .catch((error: Error) => this.logger.error({ event: 'routing_failed', key: task.key, error: error.message }))
        .finally(() => {
          this.active--;
          this.running.delete(task.key);
          if (this.again.delete(task.key)) this.submit(task.key, task.run);
          this.pump();
        });
    }
  }
}
