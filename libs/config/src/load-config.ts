import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig, LOG_LEVELS, LogLevel, MailFrom } from './app-config';

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

function secretKey(env: Env): string | undefined {
  const raw = env.SECRET_KEY?.trim();
  if (!raw) return undefined;
  const bytes = /^[0-9a-f]{64}$/i.test(raw) ? 32 : /^[A-Za-z0-9+/_-]{43}=?$/.test(raw) ? Buffer.from(raw, 'base64').length : 0;
  if (bytes !== 32) throw new ConfigError('SECRET_KEY must be 32 random bytes as 64 hex digits or base64 (e.g. openssl rand -hex 32)');
  return raw;
}

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/** Parses MAIL_FROM (`Name <address>` or `address`); names with line breaks or quotes are refused. */
export function parseMailFrom(raw: string): MailFrom | undefined {
  const named = /^\s*([^<>"\r\n]*?)\s*<([^<>]+)>\s*$/.exec(raw);
  const address = (named ? named[2] : raw).trim();
  if (!ADDRESS.test(address) || /[\r\n]/.test(raw)) return undefined;
  const name = named?.[1].trim();
  return name ? { name, address: address.toLowerCase() } : { address: address.toLowerCase() };
}

function mail(env: Env): Pick<AppConfig, 'imapUrl' | 'smtpUrl' | 'mailFrom'> {
  const imapUrl = url(env, 'IMAP_URL', ['imap:', 'imaps:']);
  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const from = env.MAIL_FROM?.trim();
  if (!imapUrl && !smtpUrl && !from) return {};
  if (!imapUrl || !smtpUrl || !from) throw new ConfigError('IMAP_URL, SMTP_URL and MAIL_FROM must be set together (the mailbox seeded from env)');
  const imap = new URL(imapUrl);
  if (!imap.username || !imap.password) throw new ConfigError('IMAP_URL must name the user and password: imap[s]://user:password@host:port/FOLDER');
  if (!imap.hostname) throw new ConfigError('IMAP_URL must name a host: imap[s]://user:password@host:port/FOLDER');
  const mailFrom = parseMailFrom(from);
  if (!mailFrom) throw new ConfigError(`MAIL_FROM must be an address or "Name <address>" on one line (got "${from}")`);
  return { imapUrl, smtpUrl, mailFrom };
}

function templateDir(env: Env): string | undefined {
  const raw = env.MAIL_ACK_TEMPLATE_DIR?.trim();
  if (!raw) return undefined;
  const dir = resolve(raw);
  for (const file of ['acknowledgement.da.txt', 'acknowledgement.en.txt']) {
    if (!existsSync(join(dir, file))) throw new ConfigError(`MAIL_ACK_TEMPLATE_DIR must hold acknowledgement.da.txt and acknowledgement.en.txt (${file} is missing in ${dir})`);
  }
  return dir;
}

function twilio(env: Env): Pick<AppConfig, 'twilioAccountSid' | 'twilioAuthToken' | 'twilioPhoneNumber' | 'twilioApiBaseUrl' | 'twilioUsdRateOre' | 'smsSegmentCostOre'> {
  const sid = env.TWILIO_ACCOUNT_SID?.trim();
  const token = env.TWILIO_AUTH_TOKEN?.trim();
  const number = env.TWILIO_PHONE_NUMBER?.trim();
  if (!sid !== !token) throw new ConfigError('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together');
  if (sid && !/^AC[0-9a-f]{32}$/.test(sid)) throw new ConfigError('TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits');
  if (token && !/^[0-9A-Za-z]{32}$/.test(token)) throw new ConfigError('TWILIO_AUTH_TOKEN must be the 32-character auth token from the Twilio console');
  if (number && !/^\+[1-9]\d{6,14}$/.test(number)) throw new ConfigError(`TWILIO_PHONE_NUMBER must be an E.164 number such as +4570123456 (got "${number}")`);
  return {
    twilioAccountSid: sid || undefined,
    twilioAuthToken: token || undefined,
    twilioPhoneNumber: number || undefined,
    twilioApiBaseUrl: url(env, 'TWILIO_API_BASE_URL', ['https:', 'http:'])?.replace(/\/+$/, ''),
    twilioUsdRateOre: integer(env, 'TWILIO_USD_RATE_ORE', 690, 1, 100_000),
    smsSegmentCostOre: integer(env, 'SMS_SEGMENT_COST_ORE', 50, 0, 100_000),
  };
}

/** Lines of a letter's sender block from `line | line | …`; each short enough for the block's width. */
function letterLines(env: Env, name: string, fallback: string, min: number, max: number): string[] {
  const lines = (env[name]?.trim() || fallback).split('|').map((line) => line.trim()).filter(Boolean);
  if (lines.length < min || lines.length > max || lines.some((line) => line.length > 50)) {
    const count = min === max ? `${min} line` : `${min} to ${max} lines`;
    throw new ConfigError(`${name} must be ${count} of at most 50 characters, separated by | (got "${env[name]}")`);
  }
  return lines;
}

function post(env: Env): Pick<AppConfig, 'postLetterhead' | 'postSenderAddress' | 'postSenderContact' | 'postPostageMinor' | 'postMaxUploadBytes' | 'postMaxPages' | 'postOcrConcurrency' | 'postOcrPageTimeoutSeconds'> {
  const postSenderAddress = letterLines(env, 'POST_SENDER_ADDRESS', 'Borgerservice | Rådhuset | 8660 Skanderborg', 2, 4);
  if (!/^\d{4} \S/.test(postSenderAddress[postSenderAddress.length - 1])) {
    throw new ConfigError(`POST_SENDER_ADDRESS must end with a Danish postcode and town such as "8660 Skanderborg" (got "${env.POST_SENDER_ADDRESS}")`);
  }
  return {
    postLetterhead: letterLines(env, 'POST_LETTERHEAD', 'Kommunen', 1, 1)[0],
    postSenderAddress,
    postSenderContact: env.POST_SENDER_CONTACT?.trim() ? letterLines(env, 'POST_SENDER_CONTACT', '', 1, 4) : [],
    postPostageMinor: integer(env, 'POST_POSTAGE_MINOR', 2900, 0, 1_000_000),
    postMaxUploadBytes: integer(env, 'POST_MAX_UPLOAD_BYTES', 20 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    postMaxPages: integer(env, 'POST_MAX_PAGES', 30, 1, 500),
    postOcrConcurrency: integer(env, 'POST_OCR_CONCURRENCY', 1, 1, 16),
    postOcrPageTimeoutSeconds: integer(env, 'POST_OCR_PAGE_TIMEOUT_SECONDS', 60, 5, 600),
  };
}

function analytics(env: Env): Pick<AppConfig, 'analyticsCurrency' | 'analyticsFoldSeconds' | 'reportsSmtpUrl' | 'reportsMailFrom'> {
  const currency = env.ANALYTICS_CURRENCY?.trim() || 'DKK';
  if (!/^[A-Z]{3}$/.test(currency)) throw new ConfigError(`ANALYTICS_CURRENCY must be a three-letter ISO 4217 code such as DKK (got "${currency}")`);
  const reportsSmtpUrl = url(env, 'REPORTS_SMTP_URL', ['smtp:', 'smtps:']) ?? url(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const from = env.REPORTS_MAIL_FROM?.trim() || env.MAIL_FROM?.trim();
  const reportsMailFrom = from ? parseMailFrom(from) : undefined;
  if (from && !reportsMailFrom) throw new ConfigError(`REPORTS_MAIL_FROM must be an address or "Name <address>" on one line (got "${from}")`);
  return { analyticsCurrency: currency, analyticsFoldSeconds: integer(env, 'ANALYTICS_FOLD_SECONDS', 2, 1, 300), reportsSmtpUrl, reportsMailFrom };
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
    routingSweepSeconds: integer(env, 'ROUTING_SWEEP_SECONDS', 5, 1, 300),
    routingPresenceGraceSeconds: integer(env, 'ROUTING_PRESENCE_GRACE_SECONDS', 60, 0, 3600),
    routingMaxMissedOffers: integer(env, 'ROUTING_MAX_MISSED_OFFERS', 3, 1, 100),
    secretKey: secretKey(env),
    ...mail(env),
    reopenWindowDays: integer(env, 'REOPEN_WINDOW_DAYS', 14, 0, 3650),
    mailMaxMessageBytes: integer(env, 'MAIL_MAX_MESSAGE_BYTES', 25 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    mailMaxAttachmentBytes: integer(env, 'MAIL_MAX_ATTACHMENT_BYTES', 10 * 1024 * 1024, 1, 100 * 1024 * 1024),
    mailPollSeconds: integer(env, 'MAIL_POLL_SECONDS', 60, 1, 86_400),
    mailAckTemplateDir: templateDir(env),
    outboxMaxAttempts: integer(env, 'OUTBOX_MAX_ATTEMPTS', 10, 1, 100),
    outboxRetryBaseMs: integer(env, 'OUTBOX_RETRY_BASE_MS', 5_000, 10, 3_600_000),
    ...twilio(env),
    ...post(env),
    ...analytics(env),
  });
}
