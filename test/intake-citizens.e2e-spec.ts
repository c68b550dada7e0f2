import { Client } from 'pg';
import { submitWebform, uniqueEmail } from './support/factories';
import { startServer, TestServer } from './support/test-server';

describe('intake: the sender of a first contact', () => {
  let server: TestServer;
  let db: Client;

  beforeAll(async () => {
    server = await startServer();
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await server?.stop();
  });

  it('is one citizen when several first contacts from a new address arrive at once, with nobody left over', async () => {
    const email = uniqueEmail('samtidig');
    const [citizensBefore] = (await db.query<{ n: string }>('SELECT count(*) AS n FROM citizens')).rows;
    const submitted = await Promise.all(Array.from({ length: 12 }, (_, i) => submitWebform(server, { email, subject: `Henvendelse ${i + 1}` })));
    const { rows } = await db.query<{ citizen_id: string; contact_citizen_id: string }>(
      `SELECT c.citizen_id, ct.citizen_id AS contact_citizen_id FROM cases c JOIN contacts ct ON ct.case_id = c.id WHERE c.reference = ANY($1)`,
      [submitted.map((s) => s.reference)]);
    expect(rows).toHaveLength(12);
    const [owner] = (await db.query<{ citizen_id: string }>(`SELECT citizen_id FROM citizen_identities WHERE kind = 'email' AND value = $1`, [email])).rows;
    expect(new Set(rows.flatMap((r) => [r.citizen_id, r.contact_citizen_id]))).toEqual(new Set([owner.citizen_id]));
    const [citizensAfter] = (await db.query<{ n: string }>('SELECT count(*) AS n FROM citizens')).rows;
    expect(Number(citizensAfter.n) - Number(citizensBefore.n)).toBe(1);
  });
});
