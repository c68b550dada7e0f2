import { Pool } from 'pg';

/** The one statement @socket.io/postgres-adapter sends per broadcast. */
const NOTIFY = 'SELECT pg_notify($1, $2)';
const NOTIFY_MANY = 'SELECT pg_notify(n.channel, n.payload) FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS n(channel, payload, i) ORDER BY n.i';

export interface Notification {
  channel: string;
  payload: string;
}

interface Queued extends Notification {
  done: (error?: Error) => void;
}

/**
 * Splits notifications, in order, into runs that each hold a (channel, payload) pair at most once:
 * PostgreSQL delivers a transaction's notifications in order but merges identical pairs.
 */
export function notifyBatches<T extends Notification>(queued: T[]): T[][] {
  const batches: T[][] = [];
  let seen = new Set<string>();
  for (const item of queued) {
    const key = `${item.channel}\u0000${item.payload}`;
    if (batches.length === 0 || seen.has(key)) {
      batches.push([]);
      seen = new Set();
    }
    seen.add(key);
    batches[batches.length - 1].push(item);
  }
  return batches;
}

/**
 * The socket.io adapter's pool. The adapter sends every broadcast as its own `pg_notify`, a round
 * trip and a commit each; this pool sends the notifications asked for in one turn of the event loop
 * as one statement, and one batch after the other, so they still arrive in the order they were sent.
 * Every other query passes through unchanged.
 */
export class NotifyBatchingPool extends Pool {
  private queued: Queued[] = [];
  private flushing: Promise<void> = Promise.resolve();

  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (args.length === 2 && text === NOTIFY && Array.isArray(values)) return this.notify(String(values[0]), String(values[1])) as never;
    return (super.query as (...a: unknown[]) => never)(...args);
  }

  private notify(channel: string, payload: string): Promise<{ rows: unknown[] }> {
    return new Promise((resolve, reject) => {
      if (this.queued.length === 0) setImmediate(() => this.flush());
      this.queued.push({ channel, payload, done: (error) => (error ? reject(error) : resolve({ rows: [] })) });
    });
  }

  private flush(): void {
    const batches = notifyBatches(this.queued);
    this.queued = [];
    this.flushing = this.flushing.then(async () => {
      for (const batch of batches) {
        try {
          await super.query(NOTIFY_MANY, [batch.map((n) => n.channel), batch.map((n) => n.payload)]);
          batch.forEach((n) => n.done());
        } catch (error) {
          batch.forEach((n) => n.done(error as Error));
        }
      }
    });
  }
}
