import { Client } from 'pg';

/**
 * "Exactly one process watches a mailbox": a PostgreSQL session advisory lock keyed
 * (MAILBOX_LOCK_CLASS, hashtext(mailbox id)), held on a connection of its own for as long as the
 * watcher runs. Another server trying the same mailbox gets false and tries again later; if this
 * process dies, PostgreSQL drops the connection and the lock with it, and another server takes over.
 */
export const MAILBOX_LOCK_CLASS = 0x4b4d; // "KM": Kontakt mailbox

export interface MailboxLock {
  /** resolves if the lock's connection is lost, i.e. the lock may now be someone else's */
  lost: Promise<void>;
  release(): Promise<void>;
}

export async function tryLockMailbox(databaseUrl: string, mailboxId: string): Promise<MailboxLock | undefined> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'kontakt-mailbox-lock' });
  let markLost!: () => void;
  const lost = new Promise<void>((resolve) => (markLost = resolve));
  client.on('error', () => markLost());
  client.on('end', () => markLost());
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [MAILBOX_LOCK_CLASS, mailboxId]);
    if (!rows[0].locked) {
      await client.end();
      return undefined;
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    lost,
    release: async () => {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [MAILBOX_LOCK_CLASS, mailboxId]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
