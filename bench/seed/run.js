'use strict';
/**
 * `npm run bench:seed -- --contacts 10000000` — a year of realistic history for the analytics
 * benchmark, written with set-based SQL (history-sql.js), then folded into the rollups by the
 * same rebuild as `npm run analytics:rebuild`.
 *
 * 1. (Re)creates the database (default kontakt_bench) on DATABASE_URL's server (default
 *    postgres://postgres@127.0.0.1:5432/postgres) and starts the built server on it once, so the
 *    migrations run and a bench administrator exists.
 * 2. Writes citizens, cases, contacts, case events and survey answers in chunks of cases, with
 *    triggers off (session_replication_role = replica: the data is generated consistent, and the
 *    analytics triggers would only queue every case for a fold the rebuild does anyway). The
 *    contacts' full-text index is dropped during the load and built again after it.
 * 3. ANALYZE, then the rebuild; prints row counts, sizes and the time of every step, and writes
 *    bench/results/seed-<time>.json.
 *
 * Flags: --contacts N (1000000)  --database NAME (kontakt_bench)  --days 365  --chunk 250000 (cases per chunk)
 */
const { spawnSync } = require('node:child_process');
const { mkdirSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { startServer } = require('../intake/server-process');
const sql = require('./history-sql');

const ROOT = path.resolve(__dirname, '..', '..');
const BENCH_ADMIN = { email: 'bench-admin@kommune.test', password: 'bench-password-2026' };

function parseArgs(argv) {
  const options = { contacts: 1_000_000, database: 'kontakt_bench', days: 365, chunk: 250_000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--contacts') options.contacts = Number(value());
    else if (flag === '--database') options.database = value();
    else if (flag === '--days') options.days = Number(value());
    else if (flag === '--chunk') options.chunk = Number(value());
    else throw new Error(`unknown flag ${argv[i]}; use --contacts N, --database NAME, --days N, --chunk N`);
  }
  if (![options.contacts, options.days, options.chunk].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--contacts, --days and --chunk must be positive whole numbers');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.database)) throw new Error('--database must be a plain lower-case name');
  return options;
}

function databaseUrl(name) {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return url.toString();
}

async function timed(label, steps, work) {
  const started = Date.now();
  const result = await work();
  steps.push({ step: label, seconds: (Date.now() - started) / 1000 });
  process.stdout.write(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const steps = [];
  const target = databaseUrl(options.database);
  const admin = new Client({ connectionString: databaseUrl(new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres').pathname.slice(1) || 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${options.database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${options.database} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  process.stdout.write(`seeding ${options.contacts.toLocaleString('en')} contacts over ${options.days} days into ${options.database}\n`);

  await timed('migrations (server start and stop)', steps, async () => {
    const server = await startServer({ env: { DATABASE_URL: target, ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password, ANALYTICS_FOLD_SECONDS: '300' } });
    await server.stop();
  });

  const db = new Client({ connectionString: target });
  await db.connect();
  await db.query(`SET session_replication_role = replica; SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'`);
  await db.query(sql.FUNCTIONS);
  const staffId = (await db.query('SELECT id FROM staff_users ORDER BY created_at LIMIT 1')).rows[0].id;
  const topics = (await db.query('SELECT id, queue_id FROM topics WHERE active ORDER BY position, slug')).rows;
  const cases = Math.ceil(options.contacts / 2);
  const shape = { t0: new Date().toISOString(), days: options.days, citizens: Math.max(1, Math.floor(options.contacts / 5)), topics: topics.length };
  const topicIds = topics.map((t) => t.id);
  const queueIds = topics.map((t) => t.queue_id);

  const searchIndex = (await db.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'contacts_search'`)).rows[0].indexdef;
  await db.query('DROP INDEX contacts_search');
  await timed('citizens', steps, () => db.query(sql.citizensSql(shape, 1, shape.citizens)));
  for (let from = 1; from <= cases; from += options.chunk) {
    const to = Math.min(cases, from + options.chunk - 1);
    await timed(`cases ${from}-${to}`, steps, async () => {
      await db.query(sql.casesSql(shape, from, to), [topicIds, queueIds]);
      await db.query(sql.contactsSql(shape, from, to), [staffId]);
      await db.query(sql.eventsSql(shape, from, to), [staffId]);
      await db.query(sql.surveysSql(shape, from, to));
    });
  }
  await timed('full-text index', steps, () => db.query(searchIndex));
  await timed('analyze', steps, () => db.query('ANALYZE'));
  const counts = (await db.query(`SELECT (SELECT count(*) FROM contacts)::bigint AS contacts, (SELECT count(*) FROM cases)::bigint AS cases,
    (SELECT count(*) FROM citizens)::bigint AS citizens, (SELECT count(*) FROM case_events)::bigint AS case_events,
    (SELECT count(*) FROM survey_invitations)::bigint AS surveys, pg_size_pretty(pg_database_size(current_database())) AS size`)).rows[0];
  await db.end();

  const rebuild = await timed('analytics rebuild', steps, async () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'apps', 'server', 'src', 'analytics-rebuild.js')], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: target, LOG_LEVEL: 'warn' }, encoding: 'utf8', maxBuffer: 1 << 20,
    });
    if (run.status !== 0) throw new Error(`analytics:rebuild failed: ${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').at(-1));
  });

  const result = {
    at: new Date().toISOString(), options, counts, rebuild, steps,
    totalSeconds: steps.reduce((n, s) => n + s.seconds, 0),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg() },
  };
  process.stdout.write(`${JSON.stringify({ counts, rebuild, totalSeconds: result.totalSeconds }, null, 2)}\n`);
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `seed-${result.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2));
}

main().catch((error) => {
  process.stderr.write(`bench:seed failed: ${error.stack}\n`);
  process.exit(1);
});
