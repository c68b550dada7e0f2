import { connectInbox, emptyTheQueues, InboxClient, NO_VIOLATIONS, OfferEvent, routingInvariants, withDatabase } from './support/inbox-agent';
import { submitCase, uniqueEmail } from './support/factories';
import { StaffMember, startServer, TestServer } from './support/test-server';

type Skill = { topic: string; level: number };

jest.setTimeout(30_000);

describe('the router', () => {
  let server: TestServer;
  let admin: string;
  let supervisor: StaffMember;
  const inboxes: InboxClient[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { ROUTING_SWEEP_SECONDS: '1', ROUTING_MAX_MISSED_OFFERS: '2', ROUTING_PRESENCE_GRACE_SECONDS: '1' } });
    admin = await server.adminToken();
    supervisor = await server.createStaff('supervisor');
  });

  afterEach(async () => {
    inboxes.splice(0).forEach((inbox) => inbox.close());
    expect(await withDatabase(server, routingInvariants)).toEqual(NO_VIOLATIONS);
    await emptyTheQueues(server);
    await queueSettings('borgerservice', { autoAccept: false, offerSeconds: {}, minLevel: 1, escalatedMinLevel: 1, escalateLevelAfterSeconds: 600, overflowQueue: null, escalateOverflowAfterSeconds: 1800, nearBreachMinutes: 60, firstResponseMinutes: {} });
  });

  afterAll(async () => {
    await server?.stop();
  });

  const queueSettings = async (queue: string, settings: Record<string, unknown>) => {
    const response = await server.as(admin).put(`/api/v1/routing/queues/${queue}`).send(settings);
    expect(response.status).toBe(200);
    return response.body;
  };

  /** An agent with a connected inbox, available unless told otherwise. */
  const agent = async (skills: Skill[] = [{ topic: 'generelt', level: 3 }], options: { available?: boolean; capacity?: Record<string, number> } = {}) => {
    const member = await server.createStaff('agent', { languages: ['da', 'en'], skills, capacity: options.capacity });
    const inbox = await connectInbox(server, member);
    inboxes.push(inbox);
    if (options.available !== false) await inbox.available();
    return inbox;
  };

  const caseDetail = async (id: string) => (await server.as(admin).get(`/api/v1/cases/${id}`)).body;
  const newCase = (fields: Parameters<typeof submitCase>[1] = {}) => submitCase(server, { message: 'Hej. Jeg har et spørgsmål om min sag hos kommunen.', ...fields });

  describe('offers', () => {
    it('offers a new case to an available skilled agent, who accepts it and is assigned', async () => {
      const sofie = await agent();
      const submitted = await newCase();

      const offer = await sofie.next<OfferEvent>('offer', (o) => o.caseId === submitted.id);
      expect(offer).toEqual(expect.objectContaining({ offerId: expect.any(String), caseId: submitted.id, channel: 'webform', expiresAt: expect.any(String) }));
      expect((await caseDetail(submitted.id)).status).toBe('offered');

      const accepted = await sofie.accept(offer.offerId);

      expect(accepted).toEqual({ status: 200, body: expect.objectContaining({ caseId: submitted.id, status: 'assigned', assigneeId: sofie.member.id }) });
      await sofie.next('case_assigned', (e) => e.caseId === submitted.id);
      expect(await caseDetail(submitted.id)).toMatchObject({ status: 'assigned', assignee: { id: sofie.member.id } });
      expect((await sofie.accept(offer.offerId)).status).toBe(409);
    });

    it('does not offer cases to agents who are away or lack the skill', async () => {
      const away = await agent([{ topic: 'generelt', level: 5 }], { available: false });
      const unskilled = await agent([{ topic: 'affald', level: 5 }]);
      const submitted = await newCase();

      await away.none('offer', 1_500);
      await unskilled.none('offer', 0);
      expect((await caseDetail(submitted.id)).status).toBe('queued');
    });

    it('routes by a skill given while the agent is online', async () => {
      const learner = await agent([{ topic: 'affald', level: 3 }], { capacity: { webform: 20 } });
      const submitted = await newCase();
      await learner.none('offer', 1_000, (o) => o.caseId === submitted.id);

      await server.as(admin).put(`/api/v1/routing/agents/${learner.member.id}/queue-skills`).send({ skills: [{ queue: 'borgerservice', level: 3 }] }).expect(200);
      await learner.available();

      await learner.next<OfferEvent>('offer', (o) => o.caseId === submitted.id, 5_000);
    });

    it('gives a rejected case to the next agent and not back to the one who rejected it', async () => {
      const first = await agent();
      const second = await agent();
      const submitted = await newCase();
      const offered = await Promise.race([first, second].map(async (a) => ({ a, offer: await a.next<OfferEvent>('offer', (o) => o.caseId === submitted.id) })));
      const other = offered.a === first ? second : first;

      expect((await offered.a.reject(offered.offer.offerId)).status).toBe(200);

      const next = await other.next<OfferEvent>('offer', (o) => o.caseId === submitted.id);
      expect(next.offerId).not.toBe(offered.offer.offerId);
      await offered.a.none('offer', 500, (o) => o.caseId === submitted.id && o.offerId !== offered.offer.offerId);
    });

    it('moves an unanswered offer on when it expires, telling the agent it was withdrawn', async () => {
      await queueSettings('borgerservice', { offerSeconds: { webform: 5 } });
      const slow = await agent();
      const submitted = await newCase();
      const first = await slow.next<OfferEvent>('offer', (o) => o.caseId === submitted.id);
      const backup = await agent();
      expect(new Date(first.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(5_000);

      await slow.next('offer_withdrawn', (e) => e.offerId === first.offerId && e.reason === 'expired', 10_000);
      await backup.next<OfferEvent>('offer', (o) => o.caseId === submitted.id, 5_000);
      expect((await slow.accept(first.offerId)).status).toBe(409);
    });

    it('sets an agent away after they let ROUTING_MAX_MISSED_OFFERS (2) offers expire in a row', async () => {
      await queueSettings('borgerservice', { offerSeconds: { webform: 5 } });
      const absent = await agent();
      await newCase();
      await newCase();
      await absent.next('offer');

      const presence = await absent.next<{ status: string; reason: string }>('presence', (p) => p.status === 'away', 15_000);

      expect(presence.reason).toBe('missed_offers');
      expect((await server.as(absent.member.token).get('/api/v1/me')).body).toMatchObject({ presence: 'away', presenceReason: 'missed_offers' });
      expect((await server.as(absent.member.token).get('/api/v1/me/offers')).body).toEqual([]);
    });

    it('assigns at once in an auto-accept queue', async () => {
      await queueSettings('borgerservice', { autoAccept: true });
      const sofie = await agent();
      const submitted = await newCase();

      await sofie.next('case_assigned', (e) => e.caseId === submitted.id && e.by === 'auto_accept');
      expect(await caseDetail(submitted.id)).toMatchObject({ status: 'assigned', assignee: { id: sofie.member.id } });
      expect(sofie.events.some((e) => e.event === 'offer')).toBe(false);
    });
  });

  describe('agent choice', () => {
    it('prefers the higher skill level', async () => {
      const junior = await agent([{ topic: 'generelt', level: 2 }]);
      const senior = await agent([{ topic: 'generelt', level: 4 }]);
      const submitted = await newCase();

      await senior.next('offer', (o) => o.caseId === submitted.id);
      await junior.none('offer', 300);
    });

    it('prefers, among equals, the agent idle the longest', async () => {
      const idleLonger = await agent();
      const justBack = await agent();
      const submitted = await newCase();

      await idleLonger.next('offer', (o) => o.caseId === submitted.id);
      await justBack.none('offer', 300);
    });

    it('routes back to the agent who handled the same citizen recently, ahead of a higher level (sticky)', async () => {
      const citizen = { email: uniqueEmail('sticky'), name: 'Birthe Ølgaard' };
      const known = await agent([{ topic: 'generelt', level: 2 }]);
      const earlier = await newCase(citizen);
      const firstOffer = await known.next<OfferEvent>('offer', (o) => o.caseId === earlier.id);
      await known.accept(firstOffer.offerId);
      await server.as(known.member.token).patch(`/api/v1/cases/${earlier.id}`).send({ status: 'resolved' }).expect(200);
      const expert = await agent([{ topic: 'generelt', level: 5 }]);

      const later = await newCase(citizen);

      await known.next('offer', (o) => o.caseId === later.id);
      await expert.none('offer', 300, (o) => o.caseId === later.id);
    });

    it('offers a vulnerable citizen\'s case ahead of an earlier case of the same priority, once staff flag the citizen', async () => {
      const earlier = await newCase({ email: uniqueEmail('plain') });
      const vulnerable = await newCase({ email: uniqueEmail('vulnerable'), name: 'Aase Ørnsholt' });
      const citizenId = (await caseDetail(vulnerable.id)).citizen.id as string;
      const flagger = await server.createStaff('agent');

      const set = await server.as(flagger.token).put(`/api/v1/citizens/${citizenId}/vulnerability`).send({ flags: ['elderly', 'elderly', 'disability'] });

      expect(set.status).toBe(200);
      expect(set.body).toEqual({
        citizenId, waitingCasesReordered: 1,
        flags: [{ flag: 'elderly', label: { da: 'Ældre borger', en: 'Elderly citizen' } }, { flag: 'disability', label: { da: 'Handicap', en: 'Disability' } }],
      });
      expect((await server.as(supervisor.token).get(`/api/v1/citizens/${citizenId}/vulnerability`)).body.flags).toHaveLength(2);
      const one = await agent([{ topic: 'generelt', level: 3 }], { capacity: { webform: 1 } });
      expect((await one.next<OfferEvent>('offer')).caseId).toBe(vulnerable.id);
      await one.none('offer', 300, (o) => o.caseId === earlier.id);
    });

    it('refuses unknown vulnerability flags and unknown citizens', async () => {
      const submitted = await newCase();
      const citizenId = (await caseDetail(submitted.id)).citizen.id as string;
      const as = server.as(supervisor.token);

      const unknownFlag = await as.put(`/api/v1/citizens/${citizenId}/vulnerability`).send({ flags: ['rich'] });
      expect(unknownFlag.status).toBe(400);
      expect(JSON.stringify(unknownFlag.body)).toContain('flags must each be one of elderly, disability');
      expect((await as.put(`/api/v1/citizens/${citizenId}/vulnerability`).send({ flags: 'elderly' })).status).toBe(400);
      expect((await as.put('/api/v1/citizens/not-a-uuid/vulnerability').send({ flags: [] })).status).toBe(400);
      expect((await as.put('/api/v1/citizens/00000000-0000-4000-8000-000000000000/vulnerability').send({ flags: [] })).status).toBe(404);
      expect((await as.get('/api/v1/citizens/00000000-0000-4000-8000-000000000000/vulnerability')).status).toBe(404);
    });

    it('never offers an agent more cases of a channel than their capacity', async () => {
      const small = await agent([{ topic: 'generelt', level: 3 }], { capacity: { webform: 2 } });
      const cases = [await newCase(), await newCase(), await newCase()];

      await small.next('offer', (o) => o.caseId === cases[1].id || o.caseId === cases[0].id);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(small.events.filter((e) => e.event === 'offer')).toHaveLength(2);
      const offers = small.events.filter((e) => e.event === 'offer').map((e) => e.payload as OfferEvent);
      await small.reject(offers[0].offerId);
      await new Promise((r) => setTimeout(r, 500));
      expect(small.events.filter((e) => e.event === 'offer')).toHaveLength(3);
    });
  });

  describe('escalation', () => {
    it('lowers the required level after the first wait, then widens to the overflow queue', async () => {
      await queueSettings('borgerservice', { minLevel: 4, escalatedMinLevel: 2, escalateLevelAfterSeconds: 2, overflowQueue: 'teknik-og-miljoe', escalateOverflowAfterSeconds: 4 });
      const overflowAgent = await agent([{ topic: 'affald', level: 3 }]);
      const levelOne = await agent([{ topic: 'generelt', level: 1 }]);
      const submitted = await newCase();
      await overflowAgent.none('offer', 1_000);

      const offer = await overflowAgent.next<OfferEvent>('offer', (o) => o.caseId === submitted.id, 10_000);

      await levelOne.none('offer', 0);
      const events = (await caseDetail(submitted.id)).events.map((e: { type: string; data: Record<string, unknown> }) => ({ type: e.type, stage: e.data.stage }));
      expect(events).toContainEqual({ type: 'offered', stage: 2 });
      expect(offer.caseId).toBe(submitted.id);
    });

    it('offers to a lower level once the first wait has passed', async () => {
      await queueSettings('borgerservice', { minLevel: 4, escalatedMinLevel: 2, escalateLevelAfterSeconds: 2 });
      const levelTwo = await agent([{ topic: 'generelt', level: 2 }]);
      const submitted = await newCase();

      await levelTwo.none('offer', 1_000);
      await levelTwo.next('offer', (o) => o.caseId === submitted.id, 8_000);
    });
  });

  describe('presence', () => {
    it('withdraws a live offer when the agent goes away, and offers the case to another', async () => {
      const leaving = await agent();
      const submitted = await newCase();
      const offer = await leaving.next<OfferEvent>('offer', (o) => o.caseId === submitted.id);
      const staying = await agent();

      await server.as(leaving.member.token).put('/api/v1/me/presence').send({ status: 'away', reason: 'frokost' }).expect(200);

      await leaving.next('offer_withdrawn', (e) => e.offerId === offer.offerId);
      await staying.next('offer', (o) => o.caseId === submitted.id);
    });

    it('sets an agent offline on logout', async () => {
      const leaving = await agent();
      await server.as(leaving.member.token).post('/api/v1/auth/logout').expect(204);

      const me = await server.as(admin).get('/api/v1/routing/stats');
      expect(me.body.agents.find((a: { id: string }) => a.id === leaving.member.id)).toMatchObject({ presence: 'offline', presence_reason: 'logged_out' });
    });

    it('sets an agent offline when their last socket has been gone for the grace period', async () => {
      const leaving = await agent();
      leaving.close();

      const deadline = Date.now() + 10_000;
      let presence = 'available';
      while (presence !== 'offline' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 300));
        presence = (await server.as(leaving.member.token).get('/api/v1/me')).body.presence;
      }
      expect(presence).toBe('offline');
    });

    it('refuses a socket without a valid token', async () => {
      const member = { ...supervisor, token: 'not-a-token' };
      await expect(connectInbox(server, member)).rejects.toThrow(/unauthenticated/);
    });
  });

  describe('supervisor controls', () => {
    it('assigns an offered case to another agent, withdrawing the offer', async () => {
      const offered = await agent();
      const submitted = await newCase();
      const offer = await offered.next<OfferEvent>('offer', (o) => o.caseId === submitted.id);
      const chosen = await agent([{ topic: 'generelt', level: 1 }], { available: false });

      await server.as(supervisor.token).post(`/api/v1/cases/${submitted.id}/assign`).send({ assigneeId: chosen.member.id }).expect(201);

      await offered.next('offer_withdrawn', (e) => e.offerId === offer.offerId);
      await chosen.next('case_assigned', (e) => e.caseId === submitted.id && e.by === 'supervisor');
      expect((await offered.accept(offer.offerId)).status).toBe(409);
    });

    it('pulls a case back from its agent and routes it to someone else', async () => {
      const holder = await agent();
      const submitted = await newCase();
      const offer = await holder.next<OfferEvent>('offer', (o) => o.caseId === submitted.id);
      await holder.accept(offer.offerId);
      const other = await agent();

      await server.as(supervisor.token).post(`/api/v1/routing/cases/${submitted.id}/pull-back`).expect(200);

      await holder.next('case_updated', (e) => e.caseId === submitted.id && e.status === 'queued');
      await other.next('offer', (o) => o.caseId === submitted.id);
    });

    it('transfers a case to another queue, where that queue\'s agents get it', async () => {
      const waste = await agent([{ topic: 'affald', level: 3 }]);
      const submitted = await newCase();

      const moved = await server.as(supervisor.token).post(`/api/v1/routing/cases/${submitted.id}/transfer`).send({ queue: 'teknik-og-miljoe' });

      expect(moved.status).toBe(200);
      await waste.next('offer', (o) => o.caseId === submitted.id, 5_000);
      expect((await caseDetail(submitted.id)).queue).toBe('teknik-og-miljoe');
    });

    it('forces an agent away, which the agent hears on their socket', async () => {
      const forced = await agent();

      await server.as(supervisor.token).put(`/api/v1/routing/agents/${forced.member.id}/presence`).send({ status: 'away', reason: 'møde' }).expect(200);

      expect(await forced.next('presence', (p) => p.status === 'away')).toEqual({ status: 'away', reason: 'møde' });
    });

    it('warns the supervisors\' queue room when a case nears its first-response SLA', async () => {
      await queueSettings('borgerservice', { firstResponseMinutes: { webform: 30 }, nearBreachMinutes: 60 });
      const watching = await connectInbox(server, supervisor);
      inboxes.push(watching);
      const submitted = await newCase();

      const alert = await watching.next('sla_near_breach', (a) => a.caseId === submitted.id, 8_000);

      expect(alert).toMatchObject({ reference: submitted.reference, dueAt: expect.any(String) });
      await watching.next('queue_stats', (s) => s.queue === 'borgerservice');
    });

    it('refuses queue-setting changes by agents, and settings that name unknown channels', async () => {
      const plain = await agent([], { available: false });
      expect((await server.as(plain.member.token).put('/api/v1/routing/queues/borgerservice').send({ autoAccept: true })).status).toBe(403);
      const bad = await server.as(admin).put('/api/v1/routing/queues/borgerservice').send({ offerSeconds: { fax: 10 } });
      expect(bad.status).toBe(422);
      expect(bad.body.message).toMatch(/fax/);
    });
  });
});
