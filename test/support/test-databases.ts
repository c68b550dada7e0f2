import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Set by the global setup: a superuser URL of the run's PostgreSQL cluster, and the run's id. */
export const PG_URL_ENV = 'KONTAKT_TEST_PG_URL';
export const RUN_ID_ENV = 'KONTAKT_TEST_RUN_ID';

const PREFIX = 'kontakt_e2e_';

function clusterUrl(): string {
  const url = process.env[PG_URL_ENV];
  if (!url) throw new Error(`${PG_URL_ENV} is not set: run the e2e tests through jest's e2e project, whose global setup provides PostgreSQL`);
  return url;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: clusterUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database for one server and returns its URL; the name carries the run id so teardown finds it. */
export async function createTestDatabase(): Promise<string> {
  const name = `${PREFIX}${process.env[RUN_ID_ENV] ?? 'adhoc'}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} ENCODING 'UTF8' TEMPLATE template0`));
  const url = new URL(clusterUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops every database this run created, so a shared server (CI's) does not fill up with test data. */
export async function dropRunDatabases(): Promise<void> {
  const pattern = `${PREFIX}${process.env[RUN_ID_ENV]}\\_%`;
  await withAdmin(async (client) => {
    const found = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [pattern]);
    for (const { datname } of found.rows) {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  });
}

export function newRunId(): string {
  return randomBytes(4).toString('hex');
}
