import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';
import { freePort } from './free-port';
import { tempDataDir } from './temp-dir';
import { newRunId, PG_URL_ENV, RUN_ID_ENV } from './test-databases';

/** What the teardown needs from the setup; jest shares globals between the two and nothing else. */
export interface TestCluster {
  dataDir?: string;
  stop?: () => Promise<void>;
}

declare global {
  var kontaktTestCluster: TestCluster | undefined;
}

async function checkReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`DATABASE_URL is set but PostgreSQL there does not answer (${(error as Error).message})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * One PostgreSQL cluster for the whole e2e run: the server at DATABASE_URL when set (CI), else an
 * embedded one in a temp dir. Each test server gets its own database on it (see test-databases.ts).
 */
export default async function globalSetup(): Promise<void> {
  process.env[RUN_ID_ENV] = newRunId();
  if (process.env.DATABASE_URL) {
    await checkReachable(process.env.DATABASE_URL);
    process.env[PG_URL_ENV] = process.env.DATABASE_URL;
    globalThis.kontaktTestCluster = {};
    return;
  }
  const dataDir = await tempDataDir('cluster');
  const recent: string[] = [];
  const log = (line: string) => {
    recent.push(line);
    if (process.env.KONTAKT_TEST_LOG === '1') process.stderr.write(`[postgres] ${line}\n`);
  };
  try {
    const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres', log });
    process.env[PG_URL_ENV] = cluster.url;
    globalThis.kontaktTestCluster = { dataDir, stop: cluster.stop };
  } catch (error) {
    throw new Error(`Could not start the embedded PostgreSQL for the e2e run in ${dataDir}: ${(error as Error).message}\n${recent.slice(-20).join('\n')}`);
  }
}
