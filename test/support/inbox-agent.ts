import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import type { StaffMember, TestServer } from './test-server';

export interface OfferEvent {
  offerId: string;
  caseId: string;
  channel: string;
  expiresAt: string;
  reference: string;
}

/** A staff member's inbox socket, recording every event it receives. */
export interface InboxClient {
  member: StaffMember;
  socket: Socket;
  events: { event: string; payload: any; at: number }[];
  /** Resolves with the first event (already received or still to come) that matches. */
  next<T = any>(event: string, match?: (payload: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Fails if such an event arrives within `ms`. */
  none(event: string, ms: number, match?: (payload: any) => boolean): Promise<void>;
  available(): Promise<void>;
  accept(offerId: string): Promise<{ status: number; body: any }>;
  reject(offerId: string): Promise<{ status: number; body: any }>;
  close(): void;
}

export async function connectInbox(server: TestServer, member: StaffMember, options: { transports?: string[] } = {}): Promise<InboxClient> {
  const socket = io(server.url, { auth: { token: member.token }, transports: options.transports ?? ['websocket'], reconnection: false, forceNew: true });
  const events: InboxClient['events'] = [];
  const waiters: (() => void)[] = [];
  socket.onAny((event: string, payload: unknown) => {
    events.push({ event, payload, at: Date.now() });
    waiters.splice(0).forEach((wake) => wake());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('connect_error', (error) => reject(new Error(`socket of ${member.email} did not connect: ${error.message}`)));
  });
  const find = (event: string, match?: (payload: any) => boolean) => events.find((e) => e.event === event && (!match || match(e.payload)));
  const client: InboxClient = {
    member,
    socket,
    events,
    next: (event, match, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const check = () => {
          const found = find(event, match as (payload: any) => boolean);
          if (found) return resolve(found.payload);
          if (Date.now() > deadline) return reject(new Error(`${member.email} got no ${event} within ${timeoutMs} ms; got ${events.map((e) => e.event).join(', ')}`));
          waiters.push(check);
          setTimeout(check, Math.max(0, Math.min(250, deadline - Date.now() + 1))).unref();
        };
        check();
      }),
    none: async (event, ms, match) => {
      await new Promise((r) => setTimeout(r, ms));
      const found = find(event, match);
      if (found) throw new Error(`${member.email} got an unexpected ${event}: ${JSON.stringify(found.payload)}`);
    },
    available: async () => {
      const response = await server.as(member.token).put('/api/v1/me/presence').send({ status: 'available' });
      if (response.status !== 200) throw new Error(`presence answered ${response.status}: ${response.text}`);
    },
    accept: async (offerId) => {
      const r = await server.as(member.token).post(`/api/v1/offers/${offerId}/accept`);
      return { status: r.status, body: r.body };
    },
    reject: async (offerId) => {
      const r = await server.as(member.token).post(`/api/v1/offers/${offerId}/reject`).send({});
      return { status: r.status, body: r.body };
    },
    close: () => socket.close(),
  };
  return client;
}

/** Direct reads of a test server's database, for the router's invariants. */
export async function withDatabase<T>(server: TestServer, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: server.databaseUrl });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

export interface InvariantReport {
  casesWithSeveralLiveOffers: number;
  offeredWithoutOneLiveOffer: number;
  assignedWithLiveOffer: number;
  overCapacity: number;
  heldMismatches: number;
}

/** The router's invariants, counted from the database: every figure must be 0. */
export function routingInvariants(db: Client): Promise<InvariantReport> {
  return db.query(`
    SELECT
      (SELECT count(*)::int FROM (SELECT case_id FROM routing_offers WHERE status = 'pending' GROUP BY case_id HAVING count(*) > 1) x) AS "casesWithSeveralLiveOffers",
      (SELECT count(*)::int FROM cases c WHERE c.status = 'offered'
         AND (SELECT count(*) FROM routing_offers o WHERE o.case_id = c.id AND o.status = 'pending') <> 1) AS "offeredWithoutOneLiveOffer",
      (SELECT count(*)::int FROM cases c WHERE c.status <> 'offered'
         AND EXISTS (SELECT 1 FROM routing_offers o WHERE o.case_id = c.id AND o.status = 'pending')) AS "assignedWithLiveOffer",
      (SELECT count(*)::int FROM routing_agent_load l JOIN staff_users u ON u.id = l.user_id
         WHERE l.held > coalesce((u.capacity ->> l.channel)::int, 0)) AS "overCapacity",
      (SELECT count(*)::int FROM routing_agent_load l
         WHERE l.held <> (SELECT count(*) FROM cases c WHERE c.assignee_id = l.user_id AND c.channel = l.channel AND c.status IN ('assigned', 'waiting_on_citizen'))
                       + (SELECT count(*) FROM routing_offers o WHERE o.agent_id = l.user_id AND o.channel = l.channel AND o.status = 'pending')) AS "heldMismatches"
  `).then((r) => r.rows[0]);
}

export const NO_VIOLATIONS: InvariantReport = { casesWithSeveralLiveOffers: 0, offeredWithoutOneLiveOffer: 0, assignedWithLiveOffer: 0, overCapacity: 0, heldMismatches: 0 };

/** Ends every open case and live offer, so the next test starts with an empty queue. */
export async function emptyTheQueues(server: TestServer): Promise<void> {
  await withDatabase(server, async (db) => {
    await db.query(`UPDATE staff_users SET presence = 'offline' WHERE role <> 'admin'`);
    await db.query(`UPDATE routing_offers SET status = 'withdrawn', ended_at = now() WHERE status = 'pending'`);
    await db.query(`UPDATE cases SET status = 'closed', assignee_id = NULL WHERE status <> 'closed'`);
  });
}
