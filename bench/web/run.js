'use strict';
/**
 * `npm run bench:web` — the staff web app's inbox against the built server on its own database
 * (a fresh database on DATABASE_URL's server, else the server's embedded PostgreSQL).
 *
 * 1. Baseline: 25 open cases; first page interactive (navigation start → first row painted and clickable,
 *    timed inside the tab, so neither starting the browser nor the runner's round trips count), median
 *    of N, with the medians of where the time went (HTML, main script, GET /cases start and end).
 * 2. The same with 10,000 open cases, and the ratio to the baseline measured in this run.
 * 3. Full-text search (Danish) over those cases, typed into the search box → first result shown.
 * 4. Scroll through 2,000 cases: how many rows the virtualised list keeps in the DOM.
 * 5. The app's JavaScript and CSS, raw and gzipped, from dist/web.
 * The API's first page alone (median of 20 requests) is timed beside each browser figure.
 *
 * Flags: --cases 10000 --runs 5
 * To compare two builds of the web app under the same load, see bench/web/compare.js.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { prepareTarget } = require('../intake/postgres-target');
const { insertOpenCases, startSignedIn } = require('./fixtures');
const { launch, firstPageInteractive, searchMs, deepScroll } = require('./inbox-timing');

const WEB_DIR = path.resolve(__dirname, '..', '..', 'dist', 'web');
const log = (line) => process.stderr.write(`[bench:web] ${line}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function parseArgs(argv) {
  const o = { cases: 10_000, runs: 5 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    if (flag === '--cases') o.cases = Number(inline ?? argv[++i]);
    else if (flag === '--runs') o.runs = Number(inline ?? argv[++i]);
    else throw new Error(`unknown flag ${argv[i]}; see the header of bench/web/run.js`);
  }
  if (!(o.cases > 0 && o.runs > 0)) throw new Error('--cases and --runs must be positive');
  return o;
}

function bundleSizes() {
  const assets = path.join(WEB_DIR, 'assets');
  if (!fs.existsSync(assets)) throw new Error(`${assets} does not exist; run npm run build first`);
  const sum = (ext) => fs.readdirSync(assets).filter((f) => f.endsWith(ext)).reduce((total, f) => {
    const content = fs.readFileSync(path.join(assets, f));
    return { raw: total.raw + content.length, gzip: total.gzip + zlib.gzipSync(content, { level: 9 }).length };
  }, { raw: 0, gzip: 0 });
  return { js: sum('.js'), css: sum('.css') };
}

/** The inbox's first request alone: GET /api/v1/cases for all open cases, 100 a page, median of 20. */
async function apiFirstPageMs(url, token) {
  const path = '/api/v1/cases?status=new,queued,offered,assigned,waiting_on_citizen&limit=100';
  const values = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await response.json();
    values.push(performance.now() - started);
  }
  return median(values);
}

/** Median of each step of the navigation over the runs, to show where the time goes. */
const PHASES = ['htmlMs', 'scriptLoadedMs', 'domContentLoadedMs', 'listRequestStartMs', 'listResponseEndMs'];

async function timings(browser, url, token, runs) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await firstPageInteractive(browser, url, token));
  const values = all.map((t) => t.ms);
  const phases = Object.fromEntries(PHASES.map((p) => [p, all.every((t) => t[p] !== null) ? median(all.map((t) => t[p])) : null]));
  return { medianMs: median(values), minMs: Math.min(...values), maxMs: Math.max(...values), runs: values.map((v) => Math.round(v)), phases };
}

const phaseLine = (t) => PHASES.map((p) => `${p.replace(/Ms$/, '')} ${t.phases[p] === null ? '—' : t.phases[p].toFixed(0)}`).join(', ');

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const bundle = bundleSizes();
  const target = await prepareTarget();
  log(`PostgreSQL: ${target.description}`);
  const bench = {};
  let browser;
  const result = { at: new Date().toISOString(), options, bundle };
  try {
    const { token, adminId } = await startSignedIn(target, bench);
    const { server, client } = bench;
    browser = await launch();

    await insertOpenCases(client, 25, adminId);
    await firstPageInteractive(browser, server.url, token);
    result.baseline = await timings(browser, server.url, token, options.runs);
    result.baseline.apiMs = await apiFirstPageMs(server.url, token);
    log(`baseline (25 cases): median ${result.baseline.medianMs.toFixed(0)} ms`);

    await insertOpenCases(client, options.cases - 25, adminId);
    const { rows: [{ open }] } = await client.query("SELECT count(*)::int AS open FROM cases WHERE status NOT IN ('resolved', 'closed')");
    result.openCases = open;
    result.large = await timings(browser, server.url, token, options.runs);
    result.large.apiMs = await apiFirstPageMs(server.url, token);
    log(`${open} open cases: median ${result.large.medianMs.toFixed(0)} ms`);
    result.searchMs = await searchMs(browser, server.url, token, 'hjemmehjælp');
    result.scroll = await deepScroll(browser, server.url, token, Math.min(2_000, open));
  } finally {
    await browser?.close();
    await bench.client?.end().catch(() => undefined);
    if (bench.server) await bench.server.stop();
    await target.cleanup();
  }

  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
  const lines = [
    'Web app benchmark (Chromium, 1280×720, signed in as admin, inbox "all open")',
    `  JavaScript: ${kb(bundle.js.raw)} raw, ${kb(bundle.js.gzip)} gzipped (budget 500 kB gzipped); CSS ${kb(bundle.css.gzip)} gzipped`,
    `  first page interactive, 25 open cases (baseline):  median ${result.baseline.medianMs.toFixed(0)} ms (${result.baseline.runs.join(', ')})`,
    `  first page interactive, ${result.openCases} open cases:       median ${result.large.medianMs.toFixed(0)} ms (${result.large.runs.join(', ')})`,
    `  ratio to baseline: ${(result.large.medianMs / result.baseline.medianMs).toFixed(2)}×`,
    `  where the time goes (medians, ms from navigation start), 25 cases:  ${phaseLine(result.baseline)}`,
    `  where the time goes (medians, ms from navigation start), ${result.openCases} cases: ${phaseLine(result.large)}`,
    `  of which the API's first page (GET /cases, 100 rows): ${result.baseline.apiMs.toFixed(0)} ms → ${result.large.apiMs.toFixed(0)} ms (${(result.large.apiMs / result.baseline.apiMs).toFixed(2)}×)`,
    `  machine load average at the end: ${require('node:os').loadavg().map((l) => l.toFixed(1)).join(' ')} on ${require('node:os').cpus().length} CPUs`,
    `  Danish full-text search typed → first result shown: ${result.searchMs} ms`,
    `  scrolled to ${result.scroll.loaded} cases in ${result.scroll.seconds.toFixed(1)} s; rows in the DOM: ${result.scroll.domRows}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const resultsDir = path.resolve(__dirname, '..', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `web-${result.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2));
}

main().catch((error) => {
  process.stderr.write(`[bench:web] failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
