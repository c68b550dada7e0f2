'use strict';
/**
 * Starts the real built server (`dist/apps/server/src/main.js`) as a child process for the
 * benchmark, waits until GET /health answers, and stops it with SIGTERM (SIGKILL only if it does
 * not exit in time). Its output is kept in a short ring buffer so a failed start can say why.
 */
const { spawn } = require('node:child_process');
const { once } = require('node:events');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'apps', 'server', 'src', 'main.js');

/** A TCP port nobody listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `onSpawn(pid)` lets the caller stop a server that is interrupted while starting.
 * `main` defaults to the built server; another build (a copy of dist/ for an A/B comparison) can be named.
 * `env` is added to a copy of the bench's environment with everything that would change what
 * the server does (DATABASE_URL, admin seeding, demo data) removed first.
 */
async function startServer({ env, nodeArgs = [], main = MAIN, onSpawn = () => {}, startTimeoutMs = 180_000 }) {
  const port = await freePort();
  const base = { ...process.env };
  for (const name of ['DATABASE_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'DEMO', 'PUBLIC_BASE_URL']) delete base[name];
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: ROOT,
    env: { ...base, PORT: String(port), PUBLIC_RATE_LIMIT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onSpawn(child.pid);
  const recent = [];
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      recent.push(line);
      if (recent.length > 20) recent.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = once(child, 'exit');
  let exitCode;
  exited.then(([code, signal]) => { exitCode = code ?? signal; });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the server exited (${exitCode}) before it was healthy:\n${recent.join('\n')}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not healthy within ${startTimeoutMs / 1000} s:\n${recent.join('\n')}`);
    }
    await sleep(250);
  }

  return {
    url,
    pid: child.pid,
    recentOutput: () => recent.join('\n'),
    /** SIGTERM and wait for the graceful shutdown (HTTP drain, pool, embedded PostgreSQL). */
    async stop(timeoutMs = 30_000) {
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      let timer;
      const timeout = new Promise((resolve) => { timer = setTimeout(resolve, timeoutMs, 'timeout'); });
      const outcome = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        child.kill('SIGKILL');
        await exited;
        return 'SIGKILL';
      }
      return exitCode;
    },
  };
}

module.exports = { startServer, freePort };
