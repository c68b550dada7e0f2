'use strict';
/**
 * Phase 1: `agents` socket.io agents connected and available; web-form cases arrive at `rate`/s for
 * `seconds`. Each agent accepts every offer over REST, works it for `handlingMs` and resolves it.
 * Measured per case: request sent → offer received (an upper bound of intake commit → offer, as the
 * commit lies inside the request), intake response → offer received (a lower bound; 0 when the offer
 * came first), and the intake's own response time as the baseline of the same run.
 * A warm-up of `warmupSeconds` at the same rate comes first, then ANALYZE: a live database has
 * planner statistics, a fresh bench database has none until autovacuum's first round. The measured
 * phase also reports where the CPU went (server, PostgreSQL, this load generator) per case.
 */
const { io } = require('socket.io-client');
const { startCpuMeasurement } = require('../intake/cpu-usage');
const { startActivityMeasurement } = require('../intake/database-activity');
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

/** One phase's bookkeeping: which of its cases were sent, answered, offered and accepted when. */
function newPhase(label) {
  return { label, sent: new Map(), answered: new Map(), offeredAt: new Map(), accepted: 0, acceptConflicts: 0, firstAssignments: [], failures: new Map() };
}

async function connectAgents({ url, client, agentCount, phaseOf, log }) {
  const fleet = await insertAgents(client, agentCount, { label: 'live', capacity: { webform: 5 } });
  const sockets = [];
  const handleOffer = async (agent, offer, handlingMs) => {
    const phase = phaseOf(offer.reference);
    if (!phase.offeredAt.has(offer.reference)) phase.offeredAt.set(offer.reference, performance.now());
    const result = await call(url, 'POST', `/api/v1/offers/${offer.offerId}/accept`, agent.token);
    if (result.status !== 200) {
      phase.acceptConflicts++;
      return;
    }
    phase.accepted++;
    phase.firstAssignments.push(performance.now());
    await sleep(handlingMs);
    await call(url, 'PATCH', `/api/v1/cases/${offer.caseId}`, agent.token, { status: 'resolved' });
  };
  log(`connecting ${agentCount} socket.io agents`);
  return {
    sockets,
    async connect(handlingMs) {
      for (let i = 0; i < fleet.length; i += 50) {
        await Promise.all(fleet.slice(i, i + 50).map(async (agent) => {
          const socket = io(url, { auth: { token: agent.token }, transports: ['websocket'], reconnection: false, forceNew: true });
          sockets.push(socket);
          socket.on('offer', (offer) => handleOffer(agent, offer, handlingMs).catch((error) => failed(phaseOf(offer.reference), error)));
          await new Promise((resolve, reject) => {
            socket.once('ready', resolve);
            socket.once('connect_error', reject);
          });
          const presence = await call(url, 'PUT', '/api/v1/me/presence', agent.token, { status: 'available' });
          if (presence.status !== 200) throw new Error(`presence answered ${presence.status}`);
        }));
      }
    },
  };
}

// a request the overloaded server dropped is counted, not allowed to crash the run (which would leave the server running)
function failed(phase, error) {
  phase.failures.set(error.message, (phase.failures.get(error.message) ?? 0) + 1);
}

/** Sends `rate` web forms a second for `seconds` and waits (at most 30 s) until each was offered and accepted. */
async function sendCases({ url, phase, rate, seconds, tag, remember }) {
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
        name: `Borger ${i}`, email: `borger-${tag}-${i}-${started.toFixed(0)}@example.dk`, message: 'Hej. Jeg har et spørgsmål om min sag hos kommunen.',
      });
      if (result.status !== 201) throw new Error(`web form answered ${result.status}`);
      remember(result.body.reference, phase);
      phase.sent.set(result.body.reference, t0);
      phase.answered.set(result.body.reference, performance.now());
    })().catch((error) => failed(phase, error)));
  }
  await Promise.all(inFlight);
  const sendSeconds = (performance.now() - started) / 1000;
  const deadline = performance.now() + 30_000;
  while (phase.offeredAt.size < phase.sent.size && performance.now() < deadline) await sleep(200);
  while (phase.accepted < phase.sent.size && performance.now() < deadline) await sleep(200);
  return { started, sendSeconds, total };
}

async function runLiveLoad({ url, client, serverPid, agents: agentCount, rate, seconds, warmupSeconds, handlingMs, log }) {
  const phases = new Map();
  // an offer can arrive before its web form's response: it belongs to the phase running then
  let current = newPhase('warm-up');
  const phaseOf = (reference) => phases.get(reference) ?? current;
  const remember = (reference, phase) => phases.set(reference, phase);
  const fleet = await connectAgents({ url, client, agentCount, phaseOf, log });
  try {
    await fleet.connect(handlingMs);
    if (warmupSeconds > 0) {
      log(`warming up: ${rate} cases/s for ${warmupSeconds} s, then ANALYZE`);
      await sendCases({ url, phase: current, rate, seconds: warmupSeconds, tag: 'w', remember });
      await client.query('ANALYZE');
      await sleep(handlingMs + 500);
    }
    current = newPhase('measured');
    log(`sending ${rate} cases/s for ${seconds} s`);
    const cpu = await startCpuMeasurement({ client, serverPid });
    const activity = await startActivityMeasurement(client);
    const { started, sendSeconds, total } = await sendCases({ url, phase: current, rate, seconds, tag: 'm', remember });
    const cpuPercent = await cpu.finish();
    const elapsed = (performance.now() - started) / 1000;
    const perCase = await activity.finish(total);
    const phase = current;
    const references = [...phase.sent.keys()];
    const offered = references.filter((r) => phase.offeredAt.has(r));
    const window = phase.firstAssignments.filter((t) => t >= started && t <= started + sendSeconds * 1000).length;
    const cpuMsPerCase = (percent) => Math.round((percent * 10 * elapsed) / Math.max(1, total) * 100) / 100;
    return {
      agents: agentCount, rate, seconds, warmupSeconds, cases: total, failedRequests: Object.fromEntries(phase.failures), sendSeconds,
      missingOffers: references.length - offered.length, accepted: phase.accepted, acceptConflicts: phase.acceptConflicts,
      assignmentsPerSecond: window / sendSeconds,
      requestToOfferMs: summary(offered.map((r) => phase.offeredAt.get(r) - phase.sent.get(r))),
      responseToOfferMs: summary(offered.map((r) => Math.max(0, phase.offeredAt.get(r) - phase.answered.get(r)))),
      intakeResponseMs: summary(references.map((r) => phase.answered.get(r) - phase.sent.get(r))),
      cpuPercent,
      cpuMsPerCase: { server: cpuMsPerCase(cpuPercent.server), postgres: cpuMsPerCase(cpuPercent.postgres), loadGenerator: cpuMsPerCase(cpuPercent.loadGenerator) },
      perCase,
    };
  } finally {
    fleet.sockets.forEach((s) => s.close());
  }
}

module.exports = { runLiveLoad };
