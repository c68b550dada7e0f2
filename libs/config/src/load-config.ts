import { resolve } from 'node:path';
import { AppConfig, LOG_LEVELS, LogLevel } from './app-config';

/** A configuration value that cannot be used; the message names the variable and what it needs. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL such as ${protocols[0]}//host:port (got a value that is not a URL)`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')} (got "${parsed.protocol}")`);
  }
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function flag(env: Env, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new ConfigError(`${name} must be 1, 0, true or false (got "${raw}")`);
}

function timeZone(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
  } catch {
    throw new ConfigError(`${name} must be an IANA time zone such as Europe/Copenhagen (got "${raw}")`);
  }
  return raw;
}

function admin(env: Env): { adminEmail?: string; adminPassword?: string } {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!email && !password) return {};
  if (!email || !password) throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new ConfigError(`ADMIN_EMAIL must be an email address (got "${email}")`);
  if (password.length < 12) throw new ConfigError('ADMIN_PASSWORD must be at least 12 characters');
  return { adminEmail: email.toLowerCase(), adminPassword: password };
}

/** Reads and checks every variable Kontakt uses; throws a ConfigError naming the first bad one. */
export function loadConfig(env: Env = process.env): AppConfig {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const publicBaseUrl = (url(env, 'PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return new AppConfig({
    port,
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1, 65535),
    logLevel: oneOf<LogLevel>(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    publicRateLimit: integer(env, 'PUBLIC_RATE_LIMIT', 10, 0, 1_000_000),
    publicBaseUrl,
    ...admin(env),
    demo: flag(env, 'DEMO'),
    timeZone: timeZone(env, 'TIME_ZONE', 'Europe/Copenhagen'),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 90),
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
  });
}
