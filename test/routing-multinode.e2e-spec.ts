import { io, Socket } from 'socket.io-client';
import { Client } from 'pg';
import { insertAgents } from './support/agent-fleet';
import { NO_VIOLATIONS, routingInvariants } from './support/inbox-agent';
import { webformFields, WEBFORM_PATH } from './support/factories';
import { freePort } from './support/free-port';
import { ServerProcess, spawnServer, stopServer, waitForHealth } from './support/server-process';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, TestServer } from './support/test-server';

jest.setTimeout(300_000);

const AGENTS = 100;
const CASES = 2_000;
const CAPACITY = 5;
/** Every agent spends the same time on a case, so the counts measure the router's fairness, not which process answers faster. */
const HANDLING_MS = 1_000;

/** Runs `work` over `items` with at most `limit` in flight. */
async function inParallel<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  }));
}

async function call(url: string, method: string, path: string, token?: string, body?: unknown): Promise<number> {
  const response = await fetch(url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('routing on two server processes sharing one database', () => {
  let a: TestServer;
  let b: ServerProcess;
  let bUrl: string;
  let db: Client;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    a = await startServer({ env: { ROUTING_SWEEP_SECONDS: '1' } });
    const port = await freePort();
    bUrl = `http://127.0.0.1:${port}`;
    b = spawnServer({
      PORT: String(port), DATABASE_URL: a.databaseUrl, LOG_LEVEL: 'warn', PUBLIC_BASE_URL: bUrl, PUBLIC_RATE_LIMIT: '0',
      ADMIN_EMAIL, ADMIN_PASSWORD, ROUTING_SWEEP_SECONDS: '1',
    });
    await waitForHealth(b, bUrl);
    db = new Client({ connectionString: a.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await db?.end();
    await Promise.all([a?.stop(), b && stopServer(b)]);
  });

  it(`assigns ${CASES} cases arriving at once to ${AGENTS} agents exactly once each, within capacity and evenly`, async () => {
    const fleet = await insertAgents(db, AGENTS, { topic: 'generelt', level: 3, capacity: { webform: CAPACITY }, label: 'fleet' });
    const handled = new Map<string, number>(fleet.map((f) => [f.id, 0]));
    const live = new Map<string, number>(fleet.map((f) => [f.id, 0]));
    let mostHeldAtOnce = 0;
    let acceptFailures = 0;

    await Promise.all(fleet.map(async (agent, i) => {
      const url = i % 2 === 0 ? a.url : bUrl;
      const socket = io(url, { auth: { token: agent.token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      socket.on('offer', async (offer: { offerId: string; caseId: string }) => {
        live.set(agent.id, live.get(agent.id)! + 1);
        mostHeldAtOnce = Math.max(mostHeldAtOnce, live.get(agent.id)!);
        const accepted = await call(url, 'POST', `/api/v1/offers/${offer.offerId}/accept`, agent.token);
        if (accepted !== 200) {
          acceptFailures++;
          live.set(agent.id, live.get(agent.id)! - 1);
          return;
        }
        handled.set(agent.id, handled.get(agent.id)! + 1);
        await new Promise((r) => setTimeout(r, HANDLING_MS));
        live.set(agent.id, live.get(agent.id)! - 1);
        expect(await call(url, 'PATCH', `/api/v1/cases/${offer.caseId}`, agent.token, { status: 'resolved' })).toBe(200);
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('ready', () => resolve());
        socket.once('connect_error', reject);
      });
      expect(await call(url, 'PUT', '/api/v1/me/presence', agent.token, { status: 'available' })).toBe(200);
    }));

    const violations: unknown[] = [];
    const watch = setInterval(() => {
      routingInvariants(db).then((report) => {
        if (report.overCapacity > 0 || report.casesWithSeveralLiveOffers > 0) violations.push(report);
      }, () => undefined);
    }, 500);

    const started = Date.now();
    await inParallel(Array.from({ length: CASES }), 32, async (_, i) => {
      const status = await call(i % 2 === 0 ? a.url : bUrl, 'POST', WEBFORM_PATH, undefined, webformFields({ message: 'Hej. Jeg har et spørgsmål om min sag hos kommunen.' }));
      expect(status).toBe(201);
    });
    let resolved = 0;
    while (resolved < CASES && Date.now() - started < 240_000) {
      await new Promise((r) => setTimeout(r, 500));
      resolved = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE status = 'resolved'`)).rows[0].n;
    }
    clearInterval(watch);
    const seconds = (Date.now() - started) / 1000;

    expect(resolved).toBe(CASES);
    const perCase = await db.query<{ accepted: number; assigned_events: number }>(`
      SELECT (SELECT count(*)::int FROM routing_offers o WHERE o.case_id = c.id AND o.status = 'accepted') AS accepted,
             (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id AND e.type = 'assigned') AS assigned_events
      FROM cases c`);
    expect(perCase.rows.filter((r) => r.accepted !== 1 || r.assigned_events !== 1)).toEqual([]);
    expect(violations).toEqual([]);
    expect(mostHeldAtOnce).toBeLessThanOrEqual(CAPACITY);
    expect(await routingInvariants(db)).toEqual(NO_VIOLATIONS);

    const counts = [...handled.values()];
    const [min, max] = [Math.min(...counts), Math.max(...counts)];
    process.stderr.write(`two processes: ${CASES} cases in ${seconds.toFixed(1)} s (${(CASES / seconds).toFixed(0)}/s), per agent ${min}…${max}, accept conflicts ${acceptFailures}\n`);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(CASES);
    expect((max - min) / max).toBeLessThanOrEqual(0.2);
  });
});
