import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SERVER_MAIN = resolve(__dirname, '../../dist/apps/server/src/main.js');

/** Variables a developer's shell may hold that would point a test server at the wrong place. */
const INHERITED_SETTINGS = ['PORT', 'DATABASE_URL', 'DATA_DIR', 'EMBEDDED_PG_PORT', 'PUBLIC_BASE_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'LOG_LEVEL', 'PUBLIC_RATE_LIMIT', 'DEMO'];

export type ServerEnv = Record<string, string | undefined>;

/** The built server running as a child process, with everything it printed kept for error messages. */
export interface ServerProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null if a signal killed it) once the process has exited. */
  exited: Promise<number | null>;
  hasExited(): boolean;
}

/** Starts `node dist/apps/server/src/main.js` with exactly the given settings; `undefined` leaves a variable unset. */
export function spawnServer(env: ServerEnv): ServerProcess {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} does not exist; run npm run build before the e2e tests`);
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_SETTINGS) delete childEnv[name];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  const child = spawn(process.execPath, [SERVER_MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  const err: string[] = [];
  const echo = process.env.KONTAKT_TEST_LOG === '1';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out.push(chunk);
    if (echo) process.stderr.write(chunk);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err.push(chunk);
    if (echo) process.stderr.write(chunk);
  });

  // A test that fails before stopping its server must not leave the server running after jest.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let done = false;
  const exited = new Promise<number | null>((resolveExit) => {
    child.once('exit', (code) => {
      done = true;
      process.removeListener('exit', killOnExit);
      resolveExit(code);
    });
  });
  // 'exit' can fire before the pipes are drained; wait for 'close' so the output is complete.
  const closed = new Promise<void>((resolveClose) => child.once('close', () => resolveClose()));
  return {
    child,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    exited: exited.then(async (code) => {
      await closed;
      return code;
    }),
    hasExited: () => done,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls GET /health until it answers 200; fails with the server's stderr if it exits or takes too long. */
export async function waitForHealth(server: ServerProcess, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.hasExited()) {
      const code = await server.exited;
      throw new Error(`The server exited with code ${code} before GET /health answered. Its stderr:\n${server.stderr()}${server.stdout()}`);
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  server.child.kill('SIGKILL');
  await server.exited;
  throw new Error(`GET ${url}/health did not answer 200 within ${timeoutMs / 1000} s. The server's stderr:\n${server.stderr()}${server.stdout()}`);
}

/** Sends a signal and waits for the process to exit; returns its exit code. */
export async function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<number | null> {
  if (!server.hasExited()) server.child.kill(signal);
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
  const result = await Promise.race([server.exited, timer]);
  if (result === 'timeout') {
    server.child.kill('SIGKILL');
    await server.exited;
    throw new Error(`The server did not exit within ${timeoutMs / 1000} s of ${signal}. Its output:\n${server.stderr()}${server.stdout()}`);
  }
  return result;
}
