'use strict';
/**
 * `npm run bench:reports` — how fast the channel-cost reports answer over the seeded history
 * (run `npm run bench:seed -- --contacts N` first). Starts the built server on the seeded database
 * (DATABASE_URL's server, database kontakt_bench unless --database), signs in as the bench
 * administrator and times each report query end to end over HTTP: a year by month, week and day,
 * with a baseline, with each filter, activity-based costing, the CSV and XLSX exports, open data
 * and the dashboard page. Each query runs --runs times after two warm-up calls; p50, p95 and max
 * are printed beside GET /health measured in the same run (the floor of an HTTP round trip), with
 * the CPU time per request of the server process and of the database's PostgreSQL backends (from
 * /proc, so less skewed than wall time by other work on a shared machine), and written to
 * bench/results/reports-<time>.json.
 *
 * Flags: --database NAME (kontakt_bench)  --runs 30
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { readFileSync } = require('node:fs');
const { Client } = require('pg');
const { startServer } = require('../intake/server-process');

const ROOT = path.resolve(__dirname, '..', '..');
const BENCH_ADMIN = { email: 'bench-admin@kommune.test', password: 'bench-password-2026' };

function parseArgs(argv) {
  const options = { database: 'kontakt_bench', runs: 30 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--database') options.database = value();
    else if (flag === '--runs') options.runs = Number(value());
    else throw new Error(`unknown flag ${argv[i]}; use --database NAME, --runs N`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs must be a positive whole number');
  return options;
}

function databaseUrl(name) {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return url.toString();
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

const MS_PER_TICK = 10; // USER_HZ 100 on Linux

/** utime + stime of a process in ms, 0 once it has exited. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return 0;
  }
}

/** CPU ms so far of the server process and of the given database's backends other than the probe's own. */
async function cpuNow(serverPid, db) {
  const { rows } = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  return { server: cpuMs(serverPid), pids: rows.map((r) => r.pid), postgres: rows.reduce((n, r) => n + cpuMs(r.pid), 0) };
}

async function time(url, headers, runs, cpu) {
  const once = async () => {
    const started = process.hrtime.bigint();
    const response = await fetch(url, { headers });
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.toString().slice(0, 300)}`);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, bytes: body.length };
  };
  await once();
  await once();
  const before = await cpu();
  const samples = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const sample = await once();
    samples.push(sample.ms);
    bytes = sample.bytes;
  }
  const serverCpu = cpuMs(before.serverPid) - before.server;
  const postgresCpu = before.pids.reduce((n, pid) => n + cpuMs(pid), 0) - before.postgres;
  samples.sort((a, b) => a - b);
  return {
    p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: samples.at(-1), bytes,
    serverCpuMs: serverCpu / runs, postgresCpuMs: postgresCpu / runs,
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const target = databaseUrl(options.database);
  const db = new Client({ connectionString: target });
  await db.connect();
  const facts = (await db.query(`SELECT (SELECT count(*) FROM contacts)::bigint AS contacts, (SELECT count(*) FROM analytics_daily)::bigint AS rollup_rows,
    (SELECT count(*) FROM analytics_daily_durations)::bigint AS duration_rows, (SELECT count(*) FROM analytics_daily_histograms)::bigint AS histogram_rows,
    (SELECT count(*) FROM analytics_channel_daily)::bigint AS channel_rows, (SELECT count(*) FROM analytics_dimension_daily)::bigint AS dimension_rows,
    (SELECT count(*) FROM analytics_dimension_histograms)::bigint AS dimension_histogram_rows, (SELECT min(day)::text FROM analytics_daily) AS first_day,
    (SELECT max(day)::text FROM analytics_daily) AS last_day`)).rows[0];
  if (Number(facts.rollup_rows) === 0) throw new Error(`${options.database} has no rollups: run npm run bench:seed first`);
  process.stdout.write(`${Number(facts.contacts).toLocaleString('en')} contacts, ${facts.rollup_rows} rollup rows, ${facts.duration_rows} histogram bucket rows `
    + `(${facts.histogram_rows} as arrays), ${facts.channel_rows} per-channel rows, ${facts.dimension_rows} per-dimension rows `
    + `(${facts.dimension_histogram_rows} histogram rows), ${facts.first_day} … ${facts.last_day}\n`);

  const server = await startServer({ env: { DATABASE_URL: target, ANALYTICS_FOLD_SECONDS: '300' } });
  try {
    const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) });
    const { accessToken } = await login.json();
    const headers = { authorization: `Bearer ${accessToken}` };
    const to = facts.last_day;
    const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4, 7)}-01`;
    const base = { from, to };
    const baseline = { baselineFrom: from, baselineTo: `${from.slice(0, 8)}28` };
    const q = (params) => new URLSearchParams(params).toString();
    const queries = [
      ['year by month, baseline', `/api/v1/reports/channel-costs?${q({ ...base, ...baseline, groupBy: 'month' })}`],
      ['year by week', `/api/v1/reports/channel-costs?${q({ ...base, groupBy: 'week' })}`],
      ['year by day', `/api/v1/reports/channel-costs?${q({ ...base, groupBy: 'day' })}`],
      ['year by month, activity-based', `/api/v1/reports/channel-costs?${q({ ...base, groupBy: 'month', costModel: 'activity' })}`],
      ['year by month, topic affald', `/api/v1/reports/channel-costs?${q({ ...base, groupBy: 'month', topic: 'affald' })}`],
      ['year by month, queue borgerservice', `/api/v1/reports/channel-costs?${q({ ...base, groupBy: 'month', queue: 'borgerservice' })}`],
      ['year by month, segment business', `/api/v1/reports/channel-costs?${q({ ...base, groupBy: 'month', segment: 'business' })}`],
      ['year by month, topic + segment', `/api/v1/reports/channel-costs?${q({ ...base, groupBy: 'month', topic: 'affald', segment: 'business' })}`],
      ['year by day, queue + segment', `/api/v1/reports/channel-costs?${q({ ...base, groupBy: 'day', queue: 'borgerservice', segment: 'resident' })}`],
      ['year by week, CSV channels', `/api/v1/reports/channel-costs?${q({ ...base, groupBy: 'week', format: 'csv', table: 'channels' })}`],
      ['year by month, XLSX', `/api/v1/reports/channel-costs?${q({ ...base, ...baseline, groupBy: 'month', format: 'xlsx' })}`],
      ['open data, year', `/api/v1/reports/open-data?${q(base)}`],
      ['dashboard page, year by month', `/reports/channel-costs?${q({ ...base, ...baseline, groupBy: 'month' })}`],
    ];
    const cpu = async () => ({ serverPid: server.pid, ...(await cpuNow(server.pid, db)) });
    const health = await time(`${server.url}/health`, {}, options.runs, cpu);
    const results = [];
    for (const [name, pathAndQuery] of queries) {
      const figures = await time(`${server.url}${pathAndQuery}`, headers, options.runs, cpu);
      results.push({ name, ...figures });
      process.stdout.write(`  ${name.padEnd(36)} p50 ${figures.p50.toFixed(1).padStart(7)} ms  p95 ${figures.p95.toFixed(1).padStart(7)} ms  max ${figures.max.toFixed(1).padStart(7)} ms  `
        + `cpu server ${figures.serverCpuMs.toFixed(0).padStart(4)} ms + postgres ${figures.postgresCpuMs.toFixed(0).padStart(4)} ms  ${figures.bytes} bytes\n`);
    }
    process.stdout.write(`  ${'GET /health (baseline)'.padEnd(36)} p50 ${health.p50.toFixed(1).padStart(7)} ms  p95 ${health.p95.toFixed(1).padStart(7)} ms\n`);
    const worst = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    process.stdout.write(`worst p95: ${worst.name} ${worst.p95.toFixed(1)} ms (${(worst.p95 / health.p95).toFixed(0)}× the health round trip); target < 300 ms\n`);
    const result = { at: new Date().toISOString(), options, facts, health, results, machine: { cpus: os.cpus().length, loadAverage: os.loadavg() } };
    const dir = path.join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `reports-${result.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2));
  } finally {
    await server.stop();
    await db.end();
  }
}

main().catch((error) => {
  process.stderr.write(`bench:reports failed: ${error.stack}\n`);
  process.exit(1);
});
