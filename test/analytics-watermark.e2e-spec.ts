import { Client } from 'pg';
import { History, waitForRollups } from './support/analytics-factories';
import { submitCase } from './support/factories';
import { createTestDatabase } from './support/test-databases';
import { startServer, TestServer } from './support/test-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pendingCases(server: TestServer, admin: string): Promise<number> {
  return (await server.as(admin).get('/api/v1/reports/rollups').expect(200)).body.pendingCases;
}

/** Inbound contacts counted in the rollups against those in the raw table. */
async function inboundCounts(history: History): Promise<{ folded: number; recorded: number }> {
  const [folded] = await history.query<{ n: string }>('SELECT coalesce(sum(contacts_in), 0) AS n FROM analytics_daily');
  const [recorded] = await history.query<{ n: string }>(`SELECT count(*) AS n FROM contacts WHERE direction = 'inbound'`);
  return { folded: Number(folded.n), recorded: Number(recorded.n) };
}

describe('analytics fold watermark', () => {
  let server: TestServer;
  let history: History;
  let slow: Client;

  beforeAll(async () => {
    server = await startServer({ env: { ANALYTICS_FOLD_SECONDS: '1' } });
    history = await History.open(server);
    slow = new Client({ connectionString: server.databaseUrl });
    await slow.connect();
  });

  afterAll(async () => {
    await slow?.end();
    await history?.close();
    await server?.stop();
  });

  it('records nothing for analytics when a contact arrives', async () => {
    const admin = await server.adminToken();
    await submitCase(server);
    await waitForRollups(server, admin);
    const [pending] = await history.query<{ n: string }>('SELECT count(*) AS n FROM analytics_pending');
    expect(Number(pending.n)).toBe(0);
    expect(await inboundCounts(history)).toEqual({ folded: 1, recorded: 1 });
  });

  it('folds a contact whose transaction commits after later ones were folded', async () => {
    const admin = await server.adminToken();
    const first = await submitCase(server);
    await waitForRollups(server, admin);

    await slow.query('BEGIN');
    await slow.query(
      `INSERT INTO contacts (case_id, citizen_id, channel, direction, body_text, occurred_at)
       SELECT id, citizen_id, 'phone', 'inbound', 'Opkald', now() FROM cases WHERE id = $1`, [first.id]);
    await submitCase(server);
    await sleep(3000);
    // the later submission waits behind the open transaction instead of moving the watermark past it
    expect(await pendingCases(server, admin)).toBeGreaterThan(0);

    await slow.query('COMMIT');
    await waitForRollups(server, admin);
    const counts = await inboundCounts(history);
    expect(counts.folded).toBe(counts.recorded);
  });

  it('keeps folding while a transaction in another database of the server stays open', async () => {
    const admin = await server.adminToken();
    const elsewhere = new Client({ connectionString: await createTestDatabase() });
    await elsewhere.connect();
    try {
      await elsewhere.query('BEGIN');
      await elsewhere.query('SELECT pg_current_xact_id()');
      await submitCase(server);
      await waitForRollups(server, admin, 10_000);
      const counts = await inboundCounts(history);
      expect(counts.folded).toBe(counts.recorded);
    } finally {
      await elsewhere.end();
    }
  });

  it('folds changes beyond one batch in later batches, never splitting a transaction', async () => {
    const admin = await server.adminToken();
    const first = await submitCase(server);
    // three transactions of 1,000 contacts: the 2,000-change batch ends inside the second, so it takes all of it
    for (let i = 0; i < 3; i++) {
      await history.query(
        `INSERT INTO contacts (case_id, citizen_id, channel, direction, body_text, occurred_at)
         SELECT c.id, c.citizen_id, 'counter', 'inbound', 'Besøg', now() - n * interval '1 minute' FROM cases c, generate_series(1, 1000) n
         WHERE c.id = $1`,
        [first.id]);
    }
    await waitForRollups(server, admin);
    const counts = await inboundCounts(history);
    expect(counts.folded).toBe(counts.recorded);
  });
});
