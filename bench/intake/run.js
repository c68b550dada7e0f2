'use strict';
/**
 * `npm run bench:intake` — how many web-form contacts per second the real server records, and
 * how that compares with what PostgreSQL alone does for the same transaction.
 *
 * 1. Creates its own PostgreSQL target (a fresh database on DATABASE_URL's server, or the server's
 *    embedded PostgreSQL under a temporary DATA_DIR) and starts the built server on a free port.
 * 2. Per connection count: warms up, then runs autocannon POSTing unique Danish submissions to
 *    /api/v1/public/webform (contacts/s from 2xx only, p50/p90/p99, non-2xx must be 0) …
 * 3. … then the database ceiling: a raw pg Pool of the same size looping the intake's statements.
 * 4. Prints a table and the server/ceiling ratio with machine facts; writes bench/results/intake-<ts>.json.
 * 5. Stops the server with SIGTERM, removes the database or data directory, checks nothing is left.
 *
 * Flags: --seconds 20  --warmup 3  --connections 16 (or a list: 8,16,32)  --no-ceiling
 *        --unprepared-ceiling (ceiling with unnamed statements, like servers before prepared transactions)
 *        --cpu-prof (profile the server; .cpuprofile files go to bench/results/profiles/; summarise them
 *        with profile-summary.js)  --main <main.js> (another build of the server, for an A/B comparison)
 *        --log-level warn (the server's LOG_LEVEL; info writes a line per request and per contact)
 */
const path = require('node:path');
const { Client } = require('pg');
const { prepareTarget, processesMentioning, isAlive } = require('./postgres-target');
const { startServer } = require('./server-process');
const { createSubmissionStream } = require('./submissions');
const { runWebformLoad } = require('./webform-load');
const { measureDatabaseCeiling } = require('./database-ceiling');
const { machineBusyPercent, startCpuMeasurement } = require('./cpu-usage');
const { startActivityMeasurement } = require('./database-activity');
const { machineFacts, summarise, printReport, writeJson, RESULTS_DIR } = require('./report');

function parseArgs(argv) {
  const options = { seconds: 20, warmup: 3, connections: [16], ceiling: true, preparedCeiling: true, cpuProf: false, main: undefined, logLevel: 'warn' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--seconds') options.seconds = Number(value());
    else if (flag === '--warmup') options.warmup = Number(value());
    else if (flag === '--connections') options.connections = value().split(',').map(Number);
    else if (flag === '--no-ceiling') options.ceiling = false;
    else if (flag === '--unprepared-ceiling') options.preparedCeiling = false;
    else if (flag === '--cpu-prof') options.cpuProf = true;
    else if (flag === '--main') options.main = path.resolve(value());
    else if (flag === '--log-level') options.logLevel = value();
    else throw new Error(`unknown flag ${argv[i]}; use --seconds N, --warmup N, --connections N[,N…], --no-ceiling, --unprepared-ceiling, --cpu-prof, --main path/to/main.js, --log-level warn`);
  }
  const bad = [options.seconds, options.warmup, ...options.connections].some((n) => !Number.isFinite(n) || n < 0);
  if (bad || options.seconds === 0 || options.connections.some((n) => n < 1)) throw new Error('--seconds and --connections must be positive numbers');
  return options;
}

const log = (line) => process.stderr.write(`[bench:intake] ${line}\n`);

async function countContacts(client) {
  return Number((await client.query('SELECT count(*) AS n FROM contacts')).rows[0].n);
}

/** CPU per process group and database activity per contact over one phase. */
async function startMeasuring({ client, serverPid }) {
  const cpu = await startCpuMeasurement({ client, serverPid });
  const activity = await startActivityMeasurement(client);
  return {
    async finish(contacts) {
      const { serverWriteCalls, ...cpuPercent } = await cpu.finish();
      const perContact = await activity.finish(contacts);
      perContact.serverWriteCalls = Math.round((serverWriteCalls / Math.max(1, contacts)) * 10) / 10;
      return { cpuPercent, perContact };
    },
  };
}

/** One connection count: the HTTP run, then the database ceiling for the same transaction shape. */
async function measureLevel({ server, client, databaseUrl, stream, connections, options, signal }) {
  if (options.warmup > 0) {
    log(`warming up the server for ${options.warmup} s with ${connections} connections`);
    await runWebformLoad({ url: server.url, connections, seconds: options.warmup, stream, signal });
    // a live database has planner statistics (autovacuum); a fresh one has none until autovacuum's first
    // round a minute later, and the analytics fold would plan for empty tables (a seq scan per contact)
    await client.query('ANALYZE');
  }
  log(`web form: ${options.seconds} s with ${connections} connections`);
  const before = await countContacts(client);
  const measuring = await startMeasuring({ client, serverPid: server.pid });
  const serverResult = await runWebformLoad({ url: server.url, connections, seconds: options.seconds, stream, signal });
  // includes the requests still in flight when autocannon stopped counting
  const recorded = (await countContacts(client)) - before;
  Object.assign(serverResult, { contactsInDatabase: recorded }, await measuring.finish(recorded));

  let ceiling = null;
  if (options.ceiling) {
    log(`database ceiling: ${options.seconds} s with a pg Pool of ${connections}`);
    ceiling = await measureDatabaseCeiling({ url: databaseUrl, connections, seconds: options.seconds, warmupSeconds: options.warmup, stream, prepared: options.preparedCeiling, signal,
      startMeasuring: () => startMeasuring({ client, serverPid: server.pid }) });
  }
  return { connections, server: serverResult, ceiling };
}

/** Stops what this run started and reports anything that outlived it (by pid, never by name). */
async function tearDown(server, target) {
  const leftovers = [];
  if (server) {
    const exit = await server.stop();
    log(`server stopped (${exit})`);
    if (isAlive(server.pid)) leftovers.push({ pid: server.pid, cmdline: 'the benchmarked server' });
  }
  if (target) {
    leftovers.push(...(await target.cleanup()));
    leftovers.push(...processesMentioning(target.serverEnv.DATA_DIR));
  }
  if (leftovers.length) log(`left running: ${leftovers.map((p) => `${p.pid} ${p.cmdline}`).join('; ')}`);
  else log('clean: no server or PostgreSQL of this run is left running');
  return leftovers;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  let target;
  let server;
  let startingPid;
  let client;
  let finished = false;
  const interrupted = new AbortController();
  const interrupt = async (signal) => {
    if (finished) return;
    finished = true;
    log(`${signal}: cleaning up`);
    interrupted.abort();
    await client?.end().catch(() => {});
    if (!server && startingPid && isAlive(startingPid)) process.kill(startingPid, 'SIGTERM');
    await tearDown(server, target).catch((error) => log(`cleanup failed: ${error.message}`));
    process.exit(130);
  };
  process.on('SIGINT', () => void interrupt('SIGINT'));
  process.on('SIGTERM', () => void interrupt('SIGTERM'));

  try {
    const busyPercent = await machineBusyPercent();
    target = await prepareTarget();
    log(`target: ${target.description}`);
    const nodeArgs = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.join(RESULTS_DIR, 'profiles')}`] : [];
    server = await startServer({ env: { ...target.serverEnv, LOG_LEVEL: options.logLevel }, nodeArgs, main: options.main, onSpawn: (pid) => { startingPid = pid; } });
    log(`server ${server.pid} healthy at ${server.url}`);
    const databaseUrl = target.databaseUrl();
    client = new Client({ connectionString: databaseUrl, application_name: 'kontakt-bench' });
    await client.connect();
    const facts = await machineFacts(client, busyPercent);

    const stream = createSubmissionStream();
    const levels = [];
    for (const connections of options.connections) {
      levels.push(await measureLevel({ server, client, databaseUrl, stream, connections, options, signal: interrupted.signal }));
    }
    await client.end();
    client = undefined;
    const summary = summarise(levels);
    const reportTarget = `${target.kind}: ${target.description}`;
    finished = true;
    const leftovers = await tearDown(server, target);
    server = undefined;
    target = undefined;

    const report = { benchmark: 'intake', startedAt, target: reportTarget, options, facts, levels, summary, leftovers };
    printReport({ facts, target: reportTarget, levels, summary });
    log(`results: ${writeJson(report)}`);
    if (leftovers.length) process.exitCode = 1;
  } catch (error) {
    if (interrupted.signal.aborted) return; // the interrupt handler cleans up and exits
    log(`failed: ${error.stack ?? error}`);
    if (server) log(`server output:\n${server.recentOutput()}`);
    process.exitCode = 1;
    if (!finished) {
      finished = true;
      await client?.end().catch(() => {});
      await tearDown(server, target).catch((e) => log(`cleanup failed: ${e.message}`));
    }
  }
}

main().catch((error) => {
  log(error.message);
  process.exitCode = 1;
});
