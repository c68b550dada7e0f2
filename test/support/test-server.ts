import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import supertest from 'supertest';
import { freePort } from './free-port';
import { ServerEnv, ServerProcess, spawnServer, stopServer, waitForHealth } from './server-process';
import { createTestDatabase } from './test-databases';

export const ADMIN_EMAIL = 'admin@kommune.test';
export const ADMIN_PASSWORD = 'Korrekt-Hest-Batteri-Klips';

export type Role = 'agent' | 'supervisor' | 'manager' | 'admin';

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  password: string;
  role: Role;
  token: string;
}

export interface NewStaffFields {
  email?: string;
  name?: string;
  password?: string;
  languages?: string[];
  skills?: { topic: string; level: number }[];
  capacity?: Record<string, number>;
}

export interface StartServerOptions {
  /** Pure embedded mode: no DATABASE_URL, the server runs its own PostgreSQL under this DATA_DIR. */
  embeddedDataDir?: string;
  /** Extra or changed environment variables; `undefined` removes one. */
  env?: ServerEnv;
}

export interface TestServer {
  url: string;
  /** The server's own database; undefined in pure embedded mode. */
  databaseUrl?: string;
  process: ChildProcess;
  /** Requests without credentials. */
  request: ReturnType<typeof supertest>;
  /** Requests sent with `Authorization: Bearer <token>`. */
  as(token: string): ReturnType<typeof supertest.agent>;
  /** Everything the server printed so far, stderr first. */
  output(): string;
  adminToken(): Promise<string>;
  login(email: string, password: string): Promise<string>;
  createStaff(role: Role, fields?: NewStaffFields): Promise<StaffMember>;
  /** Signals the server and waits for it to exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

async function serverEnv(options: StartServerOptions, port: number): Promise<{ env: ServerEnv; databaseUrl?: string }> {
  const common: ServerEnv = {
    PORT: String(port),
    LOG_LEVEL: process.env.KONTAKT_TEST_LOG === '1' ? 'info' : 'warn',
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    PUBLIC_RATE_LIMIT: '0',
  };
  if (options.embeddedDataDir) {
    return { env: { ...common, DATABASE_URL: undefined, DATA_DIR: options.embeddedDataDir, EMBEDDED_PG_PORT: String(await freePort()), ...options.env } };
  }
  const databaseUrl = await createTestDatabase();
  return { env: { ...common, DATABASE_URL: databaseUrl, ...options.env }, databaseUrl };
}

/** Starts the built server on a free port (by default on a fresh database) and waits until GET /health answers. */
export async function startServer(options: StartServerOptions = {}): Promise<TestServer> {
  const port = await freePort();
  const { env, databaseUrl } = await serverEnv(options, port);
  const server: ServerProcess = spawnServer(env);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(server, url);
  return testServer(server, url, databaseUrl);
}

function testServer(server: ServerProcess, url: string, databaseUrl: string | undefined): TestServer {
  const request = supertest(url);
  const as = (token: string) => supertest.agent(url).auth(token, { type: 'bearer' });

  const login = async (email: string, password: string) => {
    const response = await request.post('/api/v1/auth/login').send({ email, password });
    if (response.status !== 200) throw new Error(`Login as ${email} answered ${response.status}: ${response.text}`);
    return response.body.accessToken as string;
  };

  let admin: Promise<string> | undefined;
  const adminToken = () => (admin ??= login(ADMIN_EMAIL, ADMIN_PASSWORD));

  const createStaff = async (role: Role, fields: NewStaffFields = {}): Promise<StaffMember> => {
    const password = fields.password ?? `Sikker-Adgang-${randomUUID()}`;
    const body = { email: `${role}-${randomUUID().slice(0, 8)}@kommune.test`, name: `Test ${role}`, ...fields, password, role };
    const response = await as(await adminToken()).post('/api/v1/users').send(body);
    if (response.status !== 201) throw new Error(`Creating a ${role} answered ${response.status}: ${response.text}`);
    const { id, email, name } = response.body as { id: string; email: string; name: string };
    return { id, email, name, password, role, token: await login(email, password) };
  };

  return {
    url,
    databaseUrl,
    process: server.child,
    request,
    as,
    output: () => server.stderr() + server.stdout(),
    adminToken,
    login,
    createStaff,
    stop: (signal = 'SIGTERM') => stopServer(server, signal),
  };
}
