'use strict';
/**
 * Phase 2: a cold queue. `cases` queued cases are written to the database, the router admits them
 * (order key, SLA) in its sweep, then `agents` agents turn available through the REST API at once.
 * The queue auto-accepts and every agent's web-form capacity is `capacity`, so assignments/s is the
 * router's own rate: no client round trip sits between two assignments.
 */
const { insertAgents, insertQueuedCases } = require('./fixtures');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function count(client, sql) {
  return Number((await client.query(sql)).rows[0].n);
}

async function runColdQueue({ url, client, adminToken, cases, agents: agentCount, capacity, timeoutSeconds, log }) {
  await client.query(`UPDATE staff_users SET presence = 'offline' WHERE role = 'agent'`);
  const put = (path, token, body) => fetch(url + path, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const settings = await put('/api/v1/routing/queues/borgerservice', adminToken, { autoAccept: true });
  if (settings.status !== 200) throw new Error(`queue settings answered ${settings.status}: ${await settings.text()}`);

  log(`writing ${cases} queued cases`);
  await insertQueuedCases(client, cases);
  const admitStart = performance.now();
  while ((await count(client, 'SELECT count(*) AS n FROM routing_entries WHERE routing_key IS NULL')) > 0) await sleep(250);
  const admitSeconds = (performance.now() - admitStart) / 1000;
  log(`admitted in ${admitSeconds.toFixed(1)} s; ${agentCount} agents turn available`);

  const fleet = await insertAgents(client, agentCount, { label: 'cold', capacity: { webform: capacity } });
  const before = await count(client, `SELECT count(*) AS n FROM cases WHERE status = 'assigned'`);
  const started = performance.now();
  for (let i = 0; i < fleet.length; i += 50) {
    await Promise.all(fleet.slice(i, i + 50).map(async (agent) => {
      const response = await put('/api/v1/me/presence', agent.token, { status: 'available' });
      if (response.status !== 200) throw new Error(`presence answered ${response.status}`);
    }));
  }
  const presenceSeconds = (performance.now() - started) / 1000;
  const target = Math.min(cases, agentCount * capacity);
  let assigned = 0;
  const samples = [];
  while (assigned < target && performance.now() - started < timeoutSeconds * 1000) {
    await sleep(500);
    assigned = (await count(client, `SELECT count(*) AS n FROM cases WHERE status = 'assigned'`)) - before;
    samples.push({ t: (performance.now() - started) / 1000, assigned });
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = samples.reduce((best, s, i) => (i === 0 ? best : Math.max(best, (s.assigned - samples[i - 1].assigned) / (s.t - samples[i - 1].t))), 0);
  return { samples, cases, agents: agentCount, capacity, admitSeconds, presenceSeconds, assigned, seconds, assignmentsPerSecond: assigned / seconds, peakAssignmentsPerSecond: peak, complete: assigned >= target };
}

module.exports = { runColdQueue };
