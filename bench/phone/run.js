'use strict';
/**
 * `npm run bench:phone` — how many signed inbound-SMS webhooks per second the real server turns
 * into contacts (signature check, E.164, threading by number, intake, segments), beside the web
 * form on the same server in the same run as the baseline (the same intake without Twilio's part).
 *
 * 1. Creates its own PostgreSQL target (as bench:intake: a fresh database on DATABASE_URL's server,
 *    else embedded) and starts the built server with a Twilio account from env.
 * 2. Warms up, then runs the web form and the SMS webhook in turn for --seconds each, counting the
 *    contacts PostgreSQL committed per channel; then checks that a forged signature is refused.
 * 3. Prints the figures and the SMS/web-form ratio; writes bench/results/phone-<ts>.json.
 *
 * Flags: --seconds 15  --warmup 3  --connections 16
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { prepareTarget } = require('../intake/postgres-target');
const { startServer } = require('../intake/server-process');
const { createSubmissionStream } = require('../intake/submissions');
const { runWebformLoad } = require('../intake/webform-load');
const { createSmsStream, runSmsLoad } = require('./sms-load');

const AUTH_TOKEN = 'b3nchAuthTokenB3nchAuthToken0000';
const RESULTS_DIR = path.resolve(__dirname, '..', 'results');
const log = (line) => process.stderr.write(`[bench:phone] ${line}\n`);

function parseArgs(argv) {
  const options = { seconds: 15, warmup: 3, connections: 16 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = Number(inline ?? argv[++i]);
    if (!['--seconds', '--warmup', '--connections'].includes(flag) || !Number.isFinite(value) || value < 0) {
      throw new Error(`unknown or bad flag ${argv[i]}; use --seconds N, --warmup N, --connections N`);
    }
    options[flag.slice(2)] = value;
  }
  return options;
}

const count = async (client, channel) => Number((await client.query('SELECT count(*) AS n FROM contacts WHERE channel = $1', [channel])).rows[0].n);

async function measure(name, client, channel, run) {
  const before = await count(client, channel);
  const result = await run();
  const committed = (await count(client, channel)) - before;
  log(`${name}: ${(committed / result.seconds).toFixed(1)} contacts/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, non-2xx ${result.non2xx}`);
  return { ...result, contactsCommitted: committed, contactsPerSecond: committed / result.seconds };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const target = await prepareTarget();
  log(`PostgreSQL: ${target.description}`);
  let server;
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  try {
    server = await startServer({
      env: { ...target.serverEnv, TWILIO_ACCOUNT_SID: 'AC' + '5a'.repeat(16), TWILIO_AUTH_TOKEN: AUTH_TOKEN, SECRET_KEY: '9f'.repeat(32) },
    });
    // The server validates signatures against its PUBLIC_BASE_URL, by default http://localhost:PORT.
    const signedBase = `http://localhost:${new URL(server.url).port}`;
    const client = new Client({ connectionString: target.databaseUrl() });
    await client.connect();
    try {
      const sms = createSmsStream({ authToken: AUTH_TOKEN, signedBase });
      const webform = createSubmissionStream();
      const load = { url: server.url, connections: options.connections, signal: controller.signal };
      if (options.warmup > 0) {
        log(`warming up for ${options.warmup} s per channel`);
        await runWebformLoad({ ...load, seconds: options.warmup, stream: webform });
        await runSmsLoad({ ...load, seconds: options.warmup, stream: sms });
      }
      const baseline = await measure('web form (baseline)', client, 'webform', () => runWebformLoad({ ...load, seconds: options.seconds, stream: webform }));
      const inbound = await measure('signed inbound SMS', client, 'sms', () => runSmsLoad({ ...load, seconds: options.seconds, stream: sms }));
      const forged = await fetch(`${server.url}/webhooks/twilio/sms`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' }, body: sms.next().body,
      });
      const ratio = inbound.contactsPerSecond / baseline.contactsPerSecond;
      const report = {
        at: new Date().toISOString(), options, target: target.kind, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg() },
        webform: baseline, sms: inbound, smsToWebformRatio: Math.round(ratio * 100) / 100, forgedStatus: forged.status,
      };
      process.stdout.write(
        `\ninbound SMS → contact, ${options.connections} connections, ${options.seconds} s each (${target.kind} PostgreSQL, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)})\n` +
        `  web form (baseline)   ${baseline.contactsPerSecond.toFixed(1).padStart(8)} contacts/s   p50 ${baseline.latencyMs.p50} ms   p99 ${baseline.latencyMs.p99} ms\n` +
        `  signed inbound SMS    ${inbound.contactsPerSecond.toFixed(1).padStart(8)} contacts/s   p50 ${inbound.latencyMs.p50} ms   p99 ${inbound.latencyMs.p99} ms   non-2xx ${inbound.non2xx}\n` +
        `  SMS / web form        ${ratio.toFixed(2)}\n  forged signature      HTTP ${forged.status}\n`,
      );
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `phone-${report.at.replace(/[:.]/g, '-')}.json`);
      fs.writeFileSync(file, JSON.stringify(report, null, 2));
      log(`written ${path.relative(process.cwd(), file)}`);
      if (inbound.non2xx > 0 || forged.status !== 403) process.exitCode = 1;
    } finally {
      await client.end();
    }
  } finally {
    if (server) await server.stop();
    await target.cleanup();
  }
}

main().catch((error) => {
  process.stderr.write(`[bench:phone] failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
