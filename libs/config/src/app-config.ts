/**
 * Kontakt's validated configuration. Built once at boot by `loadConfig` and injected by class,
 * so a service asks for `AppConfig` and never reads `process.env`.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class AppConfig {
  /** HTTP port; 0 picks a free one. */
  readonly port!: number;
  /** Where the embedded PostgreSQL keeps its cluster when no DATABASE_URL is set. */
  readonly dataDir!: string;
  readonly databaseUrl?: string;
  readonly embeddedPostgresPort!: number;
  readonly logLevel!: LogLevel;
  /** Web-form submissions allowed per client IP per minute; 0 turns the limit off. */
  readonly publicRateLimit!: number;
  /** The origin citizens reach Kontakt on; status links and webhook signatures use it. */
  readonly publicBaseUrl!: string;
  readonly adminEmail?: string;
  readonly adminPassword?: string;
  /** Seed demo topics, staff and contacts at start. */
  readonly demo!: boolean;
  /** The municipality's time zone for business hours and report periods. */
  readonly timeZone!: string;
  readonly sessionTtlHours!: number;
  /** Trust X-Forwarded-For from this many proxies in front of Kontakt. */
  readonly trustProxyHops!: number;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}
