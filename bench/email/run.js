'use strict';
/**
 * `npm run bench:email` — how fast the email channel ingests, against a real Dovecot.
 *
 * 1. Backlog: appends N messages (default 5,000; a fifth of the senders write five times) by IMAP
 *    APPEND while the server is down, starts the built server with IMAP_URL pointing at that folder
 *    and measures messages/s until every message is a committed contact (acknowledgements go out
 *    through the outbox to an SMTP sink in this process meanwhile).
 * 2. IDLE latency: with the server idling on the folder, appends M messages (default 200) one at a
 *    time and measures APPEND start → contact committed (what GET /api/v1/cases then shows), p50/p99.
 * 3. Stops everything it started and writes bench/results/email-<ts>.json.
 *
 * Runs on a fresh database on DATABASE_URL's server, or on the server's embedded PostgreSQL.
 * Flags: --backlog 5000  --latency 200  --cpu-prof (profile the server into bench/results/profiles/;
 *        summarise with bench/intake/profile-summary.js)
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { Client } = require('pg');
const { SMTPServer } = require('smtp-server');
const { prepareTarget } = require('../intake/postgres-target');
const { startServer, freePort } = require('../intake/server-process');
const { startDovecot } = require('./dovecot');

const RESULTS_DIR = path.resolve(__dirname, '..', 'results');
const log = (line) => process.stderr.write(`[bench:email] ${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function parseArgs(argv) {
  const options = { backlog: 5000, latency: 200, cpuProf: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    if (flag === '--cpu-prof') {
      options.cpuProf = true;
      continue;
    }
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number`);
    if (flag === '--backlog') options.backlog = value;
    else if (flag === '--latency') options.latency = value;
    else throw new Error(`unknown flag ${flag}; use --backlog N, --latency N, --cpu-prof`);
  }
  return options;
}

function message(i, sender, subjectWord) {
  return [
    `From: Borger ${sender} <borger${sender}@bench.example.dk>`, 'To: borgerservice@kommune.test', `Subject: Henvendelse ${subjectWord} om storskrald`,
    `Date: ${new Date().toUTCString()}`, `Message-ID: <bench-${subjectWord}@bench.example.dk>`, 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '',
    `Hej kommune.\r\n\r\nJeg har et spørgsmål om afhentning af storskrald på Ærøvej ${i}. Hvornår kommer I?\r\n\r\nMed venlig hilsen\r\nBorger ${sender}`, '',
  ].join('\r\n');
}

async function startSmtpSink() {
  const port = await freePort();
  let received = 0;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false, closeTimeout: 100,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => { received++; callback(); });
    },
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, stop: () => new Promise((r) => server.close(r)) };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const cleanups = [];
  try {
    const target = await prepareTarget();
    cleanups.push(() => target.cleanup());
    log(`target: ${target.description}`);
    const dovecot = await startDovecot();
    cleanups.push(() => dovecot.destroy());
    const smtp = await startSmtpSink();
    cleanups.push(() => smtp.stop());

    log(`appending ${options.backlog} messages while the server is down`);
    const imap = await dovecot.client();
    cleanups.push(() => imap.logout().catch(() => {}));
    const senders = Math.max(1, Math.round(options.backlog / 5));
    const appendStarted = Date.now();
    for (let i = 0; i < options.backlog; i++) await imap.append('INBOX', message(i, i % senders, `b${i}`));
    log(`appended in ${((Date.now() - appendStarted) / 1000).toFixed(1)} s`);

    const env = { ...target.serverEnv, IMAP_URL: dovecot.imapUrl, SMTP_URL: smtp.url, MAIL_FROM: 'Borgerservice <borgerservice@kommune.test>', SECRET_KEY: '42'.repeat(32), MAIL_POLL_SECONDS: '30' };
    const spawned = Date.now();
    const nodeArgs = options.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', path.join(RESULTS_DIR, 'profiles')] : [];
    const server = await startServer({ env, nodeArgs });
    cleanups.unshift(() => server.stop());
    const healthy = Date.now();
    const db = new Client({ connectionString: target.databaseUrl() });
    await db.connect();
    cleanups.unshift(() => db.end());
    const contacts = async () => Number((await db.query(`SELECT count(*) AS n FROM contacts WHERE channel = 'email' AND direction = 'inbound'`)).rows[0].n);
    let first;
    for (let n = 0; n < options.backlog; n = await contacts()) {
      if (n > 0 && !first) first = Date.now();
      if (Date.now() - healthy > 15 * 60_000) throw new Error(`only ${n} of ${options.backlog} recorded after 15 minutes`);
      await sleep(100);
    }
    const done = Date.now();
    const backlog = {
      messages: options.backlog,
      senders,
      secondsFromHealthy: (done - healthy) / 1000,
      messagesPerSecond: Math.round(options.backlog / ((done - healthy) / 1000)),
      messagesPerSecondAfterFirst: first ? Math.round(options.backlog / ((done - first) / 1000)) : undefined,
      serverStartSeconds: (healthy - spawned) / 1000,
    };
    log(`backlog: ${backlog.messages} messages in ${backlog.secondsFromHealthy.toFixed(1)} s after health = ${backlog.messagesPerSecond} messages/s`);

    log(`IDLE latency over ${options.latency} messages`);
    const latencies = [];
    for (let i = 0; i < options.latency; i++) {
      const word = `l${i}-${randomUUID().slice(0, 8)}`;
      const started = process.hrtime.bigint();
      await imap.append('INBOX', message(i, `idle${i}`, word));
      for (;;) {
        const found = await db.query('SELECT 1 FROM contacts WHERE channel = $1 AND external_id = $2', ['email', `<bench-${word}@bench.example.dk>`]);
        if (found.rowCount > 0) break;
        if (Number(process.hrtime.bigint() - started) / 1e6 > 30_000) throw new Error(`message ${i} not recorded within 30 s`);
        await sleep(2);
      }
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    latencies.sort((a, b) => a - b);
    const latency = { messages: options.latency, p50Ms: Math.round(percentile(latencies, 50)), p99Ms: Math.round(percentile(latencies, 99)), maxMs: Math.round(latencies[latencies.length - 1]) };
    log(`latency: p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms, max ${latency.maxMs} ms`);

    await sleep(2_000);
    const outbox = (await db.query(`SELECT status, count(*)::int AS n FROM outbox_messages GROUP BY status ORDER BY status`)).rows;
    const result = {
      at: new Date().toISOString(),
      target: target.kind,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
      backlog,
      latency,
      acknowledgements: { outbox, receivedBySmtpSink: smtp.received() },
      targets: { backlogMessagesPerSecond: 200, latencyP99Ms: 2000 },
    };
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `email-${result.at.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify(result, null, 2));
    process.stdout.write(`${JSON.stringify({ backlog, latency, acknowledgements: result.acknowledgements }, null, 2)}\n`);
    log(`written ${path.relative(process.cwd(), file)}`);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error) => log(`cleanup: ${error.message}`));
  }
}

main().catch((error) => {
  log(`failed: ${error.stack || error.message}`);
  process.exitCode = 1;
});
