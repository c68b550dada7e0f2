import { History, waitForRollups } from './support/analytics-factories';
import { submitCase, uniqueEmail } from './support/factories';
import { startServer, TestServer } from './support/test-server';

/** A small seeded generator, so a failing mix can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, pick: <T>(items: T[]): T => items[Math.floor(next() * items.length)] };
}

const TOPICS = ['generelt', 'affald', 'veje', 'parkering', 'ydelser'];
const SEED = Number(process.env.ANALYTICS_MIX_SEED ?? 20261202);

async function snapshot(history: History) {
  return {
    daily: await history.query('SELECT * FROM analytics_daily ORDER BY day, channel, topic_id, queue_id, segment'),
    durations: await history.query('SELECT * FROM analytics_daily_durations ORDER BY day, channel, topic_id, queue_id, segment, metric, bucket'),
    facts: await history.query('SELECT * FROM analytics_case_facts ORDER BY case_id, day, channel'),
    histograms: await history.query('SELECT * FROM analytics_daily_histograms ORDER BY day, channel, topic_id, queue_id, segment, metric'),
    channelDaily: await history.query('SELECT * FROM analytics_channel_daily ORDER BY day, channel'),
    channelHistograms: await history.query('SELECT * FROM analytics_channel_histograms ORDER BY day, channel, metric'),
    dimensionDaily: await history.query('SELECT * FROM analytics_dimension_daily ORDER BY dimension, value, day, channel'),
    dimensionHistograms: await history.query('SELECT * FROM analytics_dimension_histograms ORDER BY dimension, value, day, channel, metric'),
    channelMonths: await history.query('SELECT * FROM analytics_channel_monthly_histograms ORDER BY month, channel, metric'),
    dimensionMonths: await history.query('SELECT * FROM analytics_dimension_monthly_histograms ORDER BY dimension, value, month, channel, metric'),
    channelWeeks: await history.query('SELECT * FROM analytics_channel_weekly_histograms ORDER BY week, channel, metric'),
    dimensionWeeks: await history.query('SELECT * FROM analytics_dimension_weekly_histograms ORDER BY dimension, value, week, channel, metric'),
  };
}

describe('analytics rollups', () => {
  let server: TestServer;
  let history: History;

  beforeAll(async () => {
    server = await startServer({ env: { ANALYTICS_FOLD_SECONDS: '1' } });
    history = await History.open(server);
  });

  afterAll(async () => {
    await history?.close();
    await server?.stop();
  });

  it(`kept incrementally equal a full rebuild after a random mix of events (seed ${SEED})`, async () => {
    const admin = await server.adminToken();
    const rnd = random(SEED);
    const emails = Array.from({ length: 4 }, () => uniqueEmail('mix'));
    const cases: string[] = [];
    const staff = await server.createStaff('agent');
    for (let step = 0; step < 70; step++) {
      const action = cases.length < 3 ? 'submit' : rnd.pick(['submit', 'reply', 'resolve', 'reopen', 'call', 'backdated', 'move', 'segment', 'cost', 'fold']);
      const someCase = () => rnd.pick(cases);
      if (action === 'submit') {
        cases.push((await submitCase(server, { email: rnd.pick(emails), topic: rnd.pick(TOPICS) })).id);
      } else if (action === 'reply') {
        await server.as(admin).post(`/api/v1/cases/${someCase()}/replies`).send({ body: 'Tak, vi ser på det.' });
      } else if (action === 'resolve' || action === 'reopen') {
        await server.as(admin).patch(`/api/v1/cases/${someCase()}`).send({ status: action === 'resolve' ? 'resolved' : 'queued' });
      } else if (action === 'call') {
        await history.contact(someCase(), { channel: 'phone', occurredAt: new Date().toISOString(), durationSeconds: Math.floor(rnd.next() * 900) });
      } else if (action === 'backdated') {
        const at = new Date(Date.now() - Math.floor(rnd.next() * 60) * 86_400_000 - Math.floor(rnd.next() * 86_400_000));
        const id = await history.case({ channel: rnd.pick(['post', 'phone', 'counter', 'email']), createdAt: at.toISOString(), topic: rnd.pick(TOPICS), status: 'assigned', slaDueAt: new Date(at.getTime() + 86_400_000).toISOString() });
        await history.contact(id, { channel: 'post', occurredAt: at.toISOString(), directCostMinor: 1000 });
        await history.contact(id, { channel: 'email', direction: 'outbound', authorId: staff.id, occurredAt: new Date(at.getTime() + rnd.next() * 172_800_000).toISOString() });
        if (rnd.next() < 0.6) await history.transition(id, 'assigned', 'resolved', new Date(at.getTime() + rnd.next() * 400_000_000).toISOString());
      } else if (action === 'move') {
        await history.query('UPDATE cases SET topic_id = (SELECT id FROM topics WHERE slug = $2), queue_id = (SELECT queue_id FROM topics WHERE slug = $2) WHERE id = $1', [someCase(), rnd.pick(TOPICS)]);
      } else if (action === 'segment') {
        await history.query('UPDATE citizens SET segment = $2 WHERE id = (SELECT citizen_id FROM cases WHERE id = $1)', [someCase(), rnd.pick(['resident', 'business'])]);
      } else if (action === 'cost') {
        await history.query(`UPDATE contacts SET direct_cost_minor = $2 WHERE case_id = $1 AND channel = 'phone'`, [someCase(), Math.floor(rnd.next() * 500)]);
      } else {
        await waitForRollups(server, admin);
      }
    }
    await waitForRollups(server, admin);
    const incremental = await snapshot(history);
    const [raw] = await history.query<{ contacts: string }>(`SELECT count(*) AS contacts FROM contacts WHERE direction = 'inbound'`);
    const folded = incremental.daily.reduce((n, r) => n + Number((r as { contacts_in: string }).contacts_in), 0);
    expect(folded).toBe(Number(raw.contacts));
    expect(incremental.durations.length).toBeGreaterThan(0);

    const rebuilt = await server.as(admin).post('/api/v1/reports/rollups/rebuild');
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body.rollupRows).toBe(incremental.daily.length);
    expect(await snapshot(history)).toEqual(incremental);
  });

  it('lets only administrators rebuild', async () => {
    const manager = await server.createStaff('manager');
    expect((await server.as(manager.token).post('/api/v1/reports/rollups/rebuild')).status).toBe(403);
  });
});
