'use strict';
/**
 * `npm run bench:post` — the mailroom's hot paths on the real server, each against a baseline
 * measured in the same run:
 *
 * 1. Registration: text PDFs (unique, one per request) POSTed to /api/v1/post/letters by --concurrency
 *    clients → letters/s, against web-form contacts/s to /api/v1/public/webform with the same clients
 *    (the intake cost with no file, no inspection and no pdftotext).
 * 2. OCR: --ocr image-only one-page PDFs registered at once, timed until the worker has read them all
 *    → pages/min, against the same pdftoppm + tesseract commands run one page at a time by this script.
 *
 * Uses DATABASE_URL's server (a fresh database) or an embedded PostgreSQL. Flags: --letters 200
 * --concurrency 4 --ocr 6 --ocr-concurrency 1. Writes bench/results/post-<timestamp>.json.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { prepareTarget } = require('../intake/postgres-target');
const { startServer } = require('../intake/server-process');
const { textPdf, imageOnlyPdf, rawOcr } = require('./documents');

const RESULTS_DIR = path.resolve(__dirname, '..', 'results');
const ADMIN = { email: 'bench@kommune.test', password: 'Bench-Adgang-Kode-2026' };
const log = (line) => process.stderr.write(`[bench:post] ${line}\n`);

function parseArgs(argv) {
  const options = { letters: 200, concurrency: 4, ocr: 6, ocrConcurrency: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => Number(inline ?? argv[++i]);
    if (flag === '--letters') options.letters = value();
    else if (flag === '--concurrency') options.concurrency = value();
    else if (flag === '--ocr') options.ocr = value();
    else if (flag === '--ocr-concurrency') options.ocrConcurrency = value();
    else throw new Error(`unknown flag ${argv[i]}; use --letters N --concurrency N --ocr N --ocr-concurrency N`);
  }
  if (Object.values(options).some((n) => !Number.isInteger(n) || n < 1)) throw new Error('every flag takes a positive whole number');
  return options;
}

/** Runs `count` jobs with `concurrency` workers; returns the seconds it took. */
async function timed(count, concurrency, job) {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await job(next++);
  }));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function expectStatus(response, status, what) {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function letterForm(pdf, n) {
  const form = new FormData();
  form.append('senderName', `Borger ${n}`);
  form.append('senderAddress', `Benchvej ${n + 1}\n8660 Skanderborg`);
  form.append('files', new Blob([pdf], { type: 'application/pdf' }), `brev-${n}.pdf`);
  return form;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const target = await prepareTarget();
  let server;
  try {
    server = await startServer({
      env: { ...target.serverEnv, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, POST_OCR_CONCURRENCY: String(options.ocrConcurrency) },
    });
    const databaseUrl = target.databaseUrl();
    const login = await expectStatus(await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) }), 200, 'login');
    const auth = { authorization: `Bearer ${login.accessToken}` };

    log(`preparing ${options.letters} text PDFs and ${options.ocr} image-only PDFs`);
    const pdfs = await Promise.all(Array.from({ length: options.letters }, (_, n) => textPdf([`Brev ${n}`, 'Jeg skriver om storskrald, der ikke blev hentet på min vej.'], 14)));
    const scans = [];
    for (let n = 0; n < options.ocr; n++) scans.push(await imageOnlyPdf(n));

    log(`baseline: ${options.letters} web-form submissions, ${options.concurrency} clients`);
    const webformSeconds = await timed(options.letters, options.concurrency, async (n) => {
      const body = JSON.stringify({ name: `Borger ${n}`, email: `borger-${n}@bench.dk`, message: 'Jeg skriver om storskrald, der ikke blev hentet på min vej.' });
      await expectStatus(await fetch(`${server.url}/api/v1/public/webform`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }), 201, 'webform');
    });

    log(`registration: ${options.letters} text PDFs, ${options.concurrency} clients`);
    const registrationSeconds = await timed(options.letters, options.concurrency, async (n) => {
      await expectStatus(await fetch(`${server.url}/api/v1/post/letters`, { method: 'POST', headers: auth, body: letterForm(pdfs[n], n) }), 201, 'registration');
    });

    log(`OCR baseline: ${options.ocr} pages with pdftoppm + tesseract in this script, one at a time`);
    const rawSeconds = await timed(options.ocr, 1, (n) => rawOcr(scans[n]));

    log(`OCR in the server: ${options.ocr} image-only letters registered at once, worker concurrency ${options.ocrConcurrency}`);
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const started = process.hrtime.bigint();
    const form = new FormData();
    scans.forEach((pdf, n) => form.append('files', new Blob([pdf], { type: 'application/pdf' }), `scan-${n}.pdf`));
    form.append('senderName', 'Birthe');
    await expectStatus(await fetch(`${server.url}/api/v1/post/letters`, { method: 'POST', headers: auth, body: form }), 201, 'OCR registration');
    for (;;) {
      const { rows } = await db.query(`SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'done' AND method = 'ocr') AS read FROM post_scans`);
      if (Number(rows[0].pending) === 0) {
        if (Number(rows[0].read) !== options.ocr) throw new Error(`only ${rows[0].read} of ${options.ocr} scans were read by OCR`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const ocrSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    await db.end();

    const result = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg() },
      options,
      database: target.description,
      webformPerSecond: options.letters / webformSeconds,
      lettersPerSecond: options.letters / registrationSeconds,
      registrationVsWebform: webformSeconds / registrationSeconds,
      rawOcrPagesPerMinute: (options.ocr / rawSeconds) * 60,
      serverOcrPagesPerMinute: (options.ocr / ocrSeconds) * 60,
      serverVsRawOcr: rawSeconds / ocrSeconds,
    };
    const f = (n) => n.toFixed(1);
    console.log(`registration  ${f(result.lettersPerSecond)} letters/s   baseline web form ${f(result.webformPerSecond)} contacts/s   ratio ${result.registrationVsWebform.toFixed(2)}`);
    console.log(`OCR           ${f(result.serverOcrPagesPerMinute)} pages/min  baseline raw CLI ${f(result.rawOcrPagesPerMinute)} pages/min   ratio ${result.serverVsRawOcr.toFixed(2)}`);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `post-${result.at.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    if (server) await server.stop();
    await target.cleanup();
  }
}

main().catch((error) => {
  process.stderr.write(`[bench:post] failed: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
