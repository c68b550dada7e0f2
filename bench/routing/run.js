'use strict';
/**
 * `npm run bench:routing` — the router under load, against the built server on its own database
 * (a fresh database on DATABASE_URL's server, else the server's embedded PostgreSQL).
 *
 * 1. Live: 500 socket.io agents, web-form cases at 200/s for 30 s; intake → offer latency
 *    (p50/p99) beside the intake's own response time in the same run, and assignments/s.
 * 2. Cold queue: 100,000 queued cases, 1,000 agents turning available; assignments/s.
 * Prints a summary and writes bench/results/routing-<ts>.json.
 *
 * Flags: --agents 500 --rate 200 --seconds 30 --warmup 5 --handling-ms 2000
 *        --cold-cases 100000 --cold-agents 1000 --cold-capacity 100 --cold-timeout 120 --skip-live --skip-cold
 *        --cpu-prof (profile the server; .cpuprofile files go to bench/results/profiles/, summarised by
 *        bench/intake/profile-summary.js)
 *        --main <main.js> (another build of the server, e.g. a copy of main's dist/, for an A/B run on a shared machine)
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { prepareTarget } = require('../intake/postgres-target');
const { startServer } = require('../intake/server-process');
const { runLiveLoad } = require('./live-load');
const { runColdQueue } = require('./cold-queue');

const ADMIN = { email: 'bench-admin@kommune.test', password: 'Bench-Adgangskode-2026' };
const RESULTS_DIR = path.resolve(__dirname, '..', 'results');

function parseArgs(argv) {
  const o = { agents: 500, rate: 200, seconds: 30, warmup: 5, handlingMs: 2000, coldCases: 100_000, coldAgents: 1000, coldCapacity: 100, coldTimeout: 120, live: true, cold: true, cpuProf: false, main: undefined };
  const names = { '--agents': 'agents', '--rate': 'rate', '--seconds': 'seconds', '--warmup': 'warmup', '--handling-ms': 'handlingMs', '--cold-cases': 'coldCases', '--cold-agents': 'coldAgents', '--cold-capacity': 'coldCapacity', '--cold-timeout': 'coldTimeout' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    if (flag === '--skip-live') o.live = false;
    else if (flag === '--skip-cold') o.cold = false;
    else if (flag === '--cpu-prof') o.cpuProf = true;
    else if (flag === '--main') o.main = path.resolve(inline ?? argv[++i]);
    else if (names[flag]) o[names[flag]] = Number(inline ?? argv[++i]);
    else throw new Error(`unknown flag ${argv[i]}; see the header of bench/routing/run.js`);
  }
  if (Object.values(names).some((k) => !(o[k] > 0 || (k === 'warmup' && o[k] === 0)))) throw new Error('numeric flags must be positive (--warmup may be 0)');
  return o;
}

const log = (line) => process.stderr.write(`[bench:routing] ${line}\n`);
const ms = (s) => `p50 ${s.p50.toFixed(1)} ms, p90 ${s.p90.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n=${s.count})`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const target = await prepareTarget();
  log(`PostgreSQL: ${target.description}`);
  let server;
  let client;
  const result = { at: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, options };
  try {
    server = await startServer({ env: { ...target.serverEnv, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ROUTING_SWEEP_SECONDS: '2' },
      ...(options.cpuProf ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${path.join(RESULTS_DIR, 'profiles')}`] } : {}), ...(options.main ? { main: options.main } : {}) });
    client = new Client({ connectionString: target.databaseUrl() });
    await client.connect();
    const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const adminToken = (await login.json()).accessToken;

    if (options.live) {
      result.live = await runLiveLoad({ url: server.url, client, serverPid: server.pid, agents: options.agents, rate: options.rate, seconds: options.seconds, warmupSeconds: options.warmup, handlingMs: options.handlingMs, log });
    }
    if (options.cold) {
      result.cold = await runColdQueue({ url: server.url, client, adminToken, cases: options.coldCases, agents: options.coldAgents, capacity: options.coldCapacity, timeoutSeconds: options.coldTimeout, log });
    }
  } finally {
    await client?.end().catch(() => undefined);
    if (server) await server.stop();
    await target.cleanup();
  }

  const lines = [`Routing benchmark, ${result.machine.cpus} CPUs (${result.machine.model}), Node ${result.machine.node}, server ${options.main ?? 'dist/apps/server/src/main.js'}`];
  if (result.live) {
    const l = result.live;
    lines.push(
      `Live: ${l.agents} socket agents, ${l.rate} cases/s for ${l.seconds} s (${l.cases} cases sent in ${l.sendSeconds.toFixed(1)} s; ${l.missingOffers} without an offer)`,
      `  request sent → offer received:   ${ms(l.requestToOfferMs)}`,
      `  intake response → offer received: ${ms(l.responseToOfferMs)}`,
      `  baseline, intake response time:  ${ms(l.intakeResponseMs)}`,
      `  ratio offer/intake latency: p50 ${(l.requestToOfferMs.p50 / l.intakeResponseMs.p50).toFixed(2)}×, p99 ${(l.requestToOfferMs.p99 / l.intakeResponseMs.p99).toFixed(2)}×`,
      `  assignments/s while cases arrived: ${l.assignmentsPerSecond.toFixed(0)} (accepted ${l.accepted}, accept conflicts ${l.acceptConflicts})`,
      `  CPU % of one core server/PostgreSQL/bench/others: ${l.cpuPercent.server}/${l.cpuPercent.postgres}/${l.cpuPercent.loadGenerator}/${l.cpuPercent.others}; CPU ms per case: server ${l.cpuMsPerCase.server}, PostgreSQL ${l.cpuMsPerCase.postgres}, bench ${l.cpuMsPerCase.loadGenerator}`,
      `  per case: ${l.perCase.transactions} transactions, ${l.perCase.rollbacks} rollbacks, ${l.perCase.rowsInserted}/${l.perCase.rowsUpdated}/${l.perCase.rowsDeleted} rows inserted/updated/deleted`,
    );
    const failures = Object.entries(l.failedRequests);
    if (failures.length > 0) lines.push(`  REQUESTS FAILED (server overloaded?): ${failures.map(([m, n]) => `${n}× ${m}`).join('; ')}`);
  }
  if (result.cold) {
    const c = result.cold;
    lines.push(
      `Cold queue: ${c.cases} cases, ${c.agents} agents × capacity ${c.capacity} (auto-accept); admitted in ${c.admitSeconds.toFixed(1)} s`,
      `  ${c.assigned} assigned in ${c.seconds.toFixed(1)} s: ${c.assignmentsPerSecond.toFixed(0)} assignments/s (peak ${c.peakAssignmentsPerSecond.toFixed(0)}/s over 0.5 s)${c.complete ? '' : ' — NOT COMPLETE within the timeout'}`,
      `  agents turning available took ${c.presenceSeconds.toFixed(1)} s of that`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `routing-${result.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  log(`written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  process.stderr.write(`bench:routing failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
