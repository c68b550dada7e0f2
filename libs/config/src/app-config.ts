/**
 * Kontakt's validated configuration. Built once at boot by `loadConfig` and injected by class,
 * so a service asks for `AppConfig` and never reads `process.env`.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The sender of Kontakt's email: MAIL_FROM as `Name <address>` or a bare address. */
export interface MailFrom {
  name?: string;
  address: string;
}

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
  /** 32-byte key (hex or base64) that encrypts secrets at rest; without it one is generated under dataDir. */
  readonly secretKey?: string;
  /** One mailbox seeded from env: IMAP_URL, SMTP_URL and MAIL_FROM are set together or not at all. */
  readonly imapUrl?: string;
  readonly smtpUrl?: string;
  readonly mailFrom?: MailFrom;
  /** A citizen's reply reopens a resolved case within this many days; later it opens a linked new case. */
  readonly reopenWindowDays!: number;
  /** A larger email is quarantined unread. */
  readonly mailMaxMessageBytes!: number;
  /** Attachments (and inline images) larger than this are left out of the contact, and the contact says so. */
  readonly mailMaxAttachmentBytes!: number;
  /** How often a mailbox is polled when its server has no IDLE, and as a safety net when it has. */
  readonly mailPollSeconds!: number;
  /** A directory with acknowledgement.da.txt / acknowledgement.en.txt replacing the built-in acknowledgement. */
  readonly mailAckTemplateDir?: string;
  /** Delivery attempts before an outbox message is marked failed, and the first retry delay (doubling each time). */
  readonly outboxMaxAttempts!: number;
  readonly outboxRetryBaseMs!: number;

  /** Seconds between the router's repair sweeps (escalation, SLA alerts, missed triggers). */
  readonly routingSweepSeconds!: number;
  /** An agent with no socket left for this long is set offline. */
  readonly routingPresenceGraceSeconds!: number;
  /** An agent who lets this many offers in a row expire is set away. */
  readonly routingMaxMissedOffers!: number;

  /** The Twilio account from env (written to the database on start); the admin API can set it instead. */
  readonly twilioAccountSid?: string;
  readonly twilioAuthToken?: string;
  /** The municipality's Twilio number in E.164: the sender of SMS replies. */
  readonly twilioPhoneNumber?: string;
  /** Where the Twilio REST client sends its requests instead of https://api.twilio.com (a proxy or a test stand-in). */
  readonly twilioApiBaseUrl?: string;
  /** Øre per US dollar: Twilio prices arrive in USD and are stored in øre at this rate. */
  readonly twilioUsdRateOre!: number;
  /** Øre per SMS segment, used when Twilio reports no price for a message (inbound SMS, or before it is priced). */
  readonly smsSegmentCostOre!: number;
  /** Letters: the letterhead (the municipality's name), the sender block's address lines and contact lines. */
  readonly postLetterhead!: string;
  readonly postSenderAddress!: string[];
  readonly postSenderContact!: string[];
  /** Postage per letter in øre, recorded as the letter's cost when it is posted. */
  readonly postPostageMinor!: number;
  /** A registered scan larger than this, or with more pages, is refused. */
  readonly postMaxUploadBytes!: number;
  readonly postMaxPages!: number;
  /** Scans read by OCR at once in one server process, and the limit on reading one page. */
  readonly postOcrConcurrency!: number;
  readonly postOcrPageTimeoutSeconds!: number;
  /** ISO 4217 code of the municipality's currency; every amount is in its minor units (øre for DKK). */
  readonly analyticsCurrency!: string;
  /** Seconds between folds of changed cases into the analytics rollups. */
  readonly analyticsFoldSeconds!: number;
  /** Where monthly reports and survey invitations are sent from (default SMTP_URL and MAIL_FROM). */
  readonly reportsSmtpUrl?: string;
  readonly reportsMailFrom?: MailFrom;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}
