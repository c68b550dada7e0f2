'use strict';
/**
 * `node bench/web/compare.js --before /path/to/old/dist/web` — the inbox's first page interactive for two
 * builds of the web app, run by run in turn against the same server and the same 10,000 open cases, so
 * both see the same machine load (other work on a shared machine moves single figures by ±50%).
 * Each build is served by an identical little front server: its own files under /app, every other
 * request passed through to the Kontakt server. Prints the median of each and their ratio.
 *
 * Flags: --before DIR (required) --after DIR (default dist/web) --cases 10000 --runs 15
 */
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { prepareTarget } = require('../intake/postgres-target');
const { insertOpenCases, startSignedIn } = require('./fixtures');
const { launch, firstPageInteractive } = require('./inbox-timing');

const log = (line) => process.stderr.write(`[bench:web:compare] ${line}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

function parseArgs(argv) {
  const o = { after: path.resolve(__dirname, '..', '..', 'dist', 'web'), cases: 10_000, runs: 15 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--before') o.before = path.resolve(value());
    else if (flag === '--after') o.after = path.resolve(value());
    else if (flag === '--cases') o.cases = Number(value());
    else if (flag === '--runs') o.runs = Number(value());
    else throw new Error(`unknown flag ${argv[i]}; see the header of bench/web/compare.js`);
  }
  if (!o.before) throw new Error('--before DIR is required: a built dist/web of the other version');
  for (const dir of [o.before, o.after]) if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/index.html does not exist`);
  return o;
}

/** Serves one build's files as the Kontakt server does (hashed assets cached, index.html otherwise) and passes the rest through. */
function frontServer(webDir, target) {
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    if (req.url === '/app' || req.url.startsWith('/app/')) {
      const relative = decodeURIComponent(req.url.split('?')[0].slice('/app/'.length));
      const file = path.join(webDir, relative);
      const asset = relative.startsWith('assets/') && file.startsWith(webDir) && fs.existsSync(file);
      const served = asset ? file : path.join(webDir, 'index.html');
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(served)] ?? 'application/octet-stream',
        'Cache-Control': asset ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      fs.createReadStream(served).pipe(res);
      return;
    }
    const forward = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  // the inbox socket: the upgrade request and both directions of the connection, byte for byte
  server.on('upgrade', (req, socket, head) => {
    const back = net.connect(Number(upstream.port), upstream.hostname, () => {
      back.write(`${req.method} ${req.url} HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
      back.write(head);
      back.pipe(socket);
      socket.pipe(back);
    });
    back.on('error', () => socket.destroy());
    socket.on('error', () => back.destroy());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const target = await prepareTarget();
  const bench = {};
  let browser;
  const fronts = [];
  const result = { at: new Date().toISOString(), options, before: [], after: [] };
  try {
    const { token, adminId } = await startSignedIn(target, bench);
    const { server, client } = bench;
    await insertOpenCases(client, options.cases, adminId);
    const before = await frontServer(options.before, server.url);
    const after = await frontServer(options.after, server.url);
    fronts.push(before, after);
    browser = await launch();
    await firstPageInteractive(browser, before.url, token);
    await firstPageInteractive(browser, after.url, token);
    for (let i = 0; i < options.runs; i++) {
      const [first, second] = i % 2 === 0 ? [['before', before], ['after', after]] : [['after', after], ['before', before]];
      for (const [name, front] of [first, second]) result[name].push(await firstPageInteractive(browser, front.url, token));
    }
  } finally {
    await browser?.close();
    fronts.forEach((f) => f.close());
    await bench.client?.end().catch(() => undefined);
    if (bench.server) await bench.server.stop();
    await target.cleanup();
  }
  const summary = (name) => {
    const runs = result[name];
    const phase = (key) => (runs.every((r) => r[key] !== null) ? median(runs.map((r) => r[key])).toFixed(0) : '—');
    return `median ${median(runs.map((r) => r.ms)).toFixed(0)} ms (${runs.map((r) => Math.round(r.ms)).join(', ')}); main script loaded ${phase('scriptLoadedMs')}, GET /cases ${phase('listRequestStartMs')}–${phase('listResponseEndMs')}`;
  };
  const ratio = median(result.after.map((r) => r.ms)) / median(result.before.map((r) => r.ms));
  process.stdout.write([
    `Inbox first page interactive, ${options.cases} open cases, runs taken in turn (ms from navigation start)`,
    `  before (${options.before}): ${summary('before')}`,
    `  after  (${options.after}): ${summary('after')}`,
    `  after / before: ${ratio.toFixed(2)}×; machine load average at the end: ${require('node:os').loadavg().map((l) => l.toFixed(1)).join(' ')} on ${require('node:os').cpus().length} CPUs`,
  ].join('\n') + '\n');
  const resultsDir = path.resolve(__dirname, '..', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `web-compare-${result.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2));
}

main().catch((error) => {
  process.stderr.write(`[bench:web:compare] failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
