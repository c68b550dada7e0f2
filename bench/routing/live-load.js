'use strict';
/**
 * Phase 1: `agents` socket.io agents connected and available; web-form cases arrive at `rate`/s for
 * `seconds`. Each agent accepts every offer over REST, works it for `handlingMs` and resolves it.
 * Measured per case: request sent → offer received (an upper bound of intake commit → offer, as the
 * commit lies inside the request), intake response → offer received (a lower bound; 0 when the offer
 * came first), and the intake's own response time as the baseline of the same run.
 */
const { io } = require('socket.io-client');
const { insertAgents } = require('./fixtures');
const { summary } = require('./percentiles');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(url, method, path, token, body) {
  const response = await fetch(url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function runLiveLoad({ url, client, agents: agentCount, rate, seconds, handlingMs, log }) {
  const fleet = await insertAgents(client, agentCount, { label: 'live', capacity: { webform: 5 } });
  const sockets = [];
  const sent = new Map();
  const answered = new Map();
  const offeredAt = new Map();
  let accepted = 0;
  let acceptConflicts = 0;
  // a request the overloaded server dropped is counted, not allowed to crash the run (which would leave the server running)
  const failures = new Map();
  const failed = (error) => failures.set(error.message, (failures.get(error.message) ?? 0) + 1);
  const firstAssignments = [];

  const handleOffer = async (agent, offer) => {
    if (!offeredAt.has(offer.reference)) offeredAt.set(offer.reference, performance.now());
    const result = await call(url, 'POST', `/api/v1/offers/${offer.offerId}/accept`, agent.token);
    if (result.status !== 200) {
      acceptConflicts++;
      return;
    }
    accepted++;
    firstAssignments.push(performance.now());
    await sleep(handlingMs);
    await call(url, 'PATCH', `/api/v1/cases/${offer.caseId}`, agent.token, { status: 'resolved' });
  };

  log(`connecting ${agentCount} socket.io agents`);
  for (let i = 0; i < fleet.length; i += 50) {
    await Promise.all(fleet.slice(i, i + 50).map(async (agent) => {
      const socket = io(url, { auth: { token: agent.token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      socket.on('offer', (offer) => handleOffer(agent, offer).catch(failed));
      await new Promise((resolve, reject) => {
        socket.once('ready', resolve);
        socket.once('connect_error', reject);
      });
      const presence = await call(url, 'PUT', '/api/v1/me/presence', agent.token, { status: 'available' });
      if (presence.status !== 200) throw new Error(`presence answered ${presence.status}`);
    }));
  }

  log(`sending ${rate} cases/s for ${seconds} s`);
  const total = rate * seconds;
  const started = performance.now();
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push((async () => {
      const t0 = performance.now();
      const result = await call(url, 'POST', '/api/v1/public/webform', undefined, {
        name: `Borger ${i}`, email: `borger-${i}-${started.toFixed(0)}@example.dk`, message: 'Hej. Jeg har et spørgsmål om min sag hos kommunen.',
      });
      if (result.status !== 201) throw new Error(`web form answered ${result.status}`);
      sent.set(result.body.reference, t0);
      answered.set(result.body.reference, performance.now());
    })().catch(failed));
  }
  await Promise.all(inFlight);
  const sendSeconds = (performance.now() - started) / 1000;
  const deadline = performance.now() + 30_000;
  while (offeredAt.size < total && performance.now() < deadline) await sleep(200);
  const drained = (performance.now() - started) / 1000;
  while (accepted < total && performance.now() < deadline) await sleep(200);
  sockets.forEach((s) => s.close());

  const references = [...sent.keys()];
  const missing = references.filter((r) => !offeredAt.has(r)).length;
  const sentToOffer = references.filter((r) => offeredAt.has(r)).map((r) => offeredAt.get(r) - sent.get(r));
  const answerToOffer = references.filter((r) => offeredAt.has(r)).map((r) => Math.max(0, offeredAt.get(r) - answered.get(r)));
  const intake = references.map((r) => answered.get(r) - sent.get(r));
  const window = firstAssignments.filter((t) => t >= started && t <= started + sendSeconds * 1000).length;
  return {
    agents: agentCount, rate, seconds, cases: total, failedRequests: Object.fromEntries(failures), sendSeconds, drainedSeconds: drained, missingOffers: missing, accepted, acceptConflicts,
    assignmentsPerSecond: window / sendSeconds,
    requestToOfferMs: summary(sentToOffer), responseToOfferMs: summary(answerToOffer), intakeResponseMs: summary(intake),
  };
}

module.exports = { runLiveLoad };
