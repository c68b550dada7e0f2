import { ConfigError, loadConfig } from './load-config';

const MAIL = { IMAP_URL: 'imap://u:p@mail.example:143/INBOX', SMTP_URL: 'smtp://mail.example:25', MAIL_FROM: 'Borgerservice <borgerservice@kommune.dk>' };

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.publicRateLimit).toBe(10);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.timeZone).toBe('Europe/Copenhagen');
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number/],
    [{ PORT: '70000' }, /^PORT must be a whole number from 0 to 65535/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^DATABASE_URL must start with postgres:/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL must be a URL/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of fatal, error/],
    [{ PUBLIC_RATE_LIMIT: '-1' }, /^PUBLIC_RATE_LIMIT/],
    [{ ADMIN_EMAIL: 'a@b.dk' }, /^ADMIN_EMAIL and ADMIN_PASSWORD must be set together/],
    [{ ADMIN_EMAIL: 'a@b.dk', ADMIN_PASSWORD: 'short' }, /^ADMIN_PASSWORD must be at least 12/],
    [{ TIME_ZONE: 'Mars/Olympus' }, /^TIME_ZONE must be an IANA time zone/],
    [{ DEMO: 'yes' }, /^DEMO must be 1, 0, true or false/],
    [{ ROUTING_SWEEP_SECONDS: '0' }, /^ROUTING_SWEEP_SECONDS must be a whole number from 1 to 300/],
    [{ ROUTING_MAX_MISSED_OFFERS: 'three' }, /^ROUTING_MAX_MISSED_OFFERS must be a whole number/],
    [{ SECRET_KEY: 'too-short' }, /^SECRET_KEY must be 32 random bytes/],
    [{ IMAP_URL: 'imap://u:p@mail.example:143/INBOX' }, /^IMAP_URL, SMTP_URL and MAIL_FROM must be set together/],
    [{ ...MAIL, IMAP_URL: 'http://u:p@mail.example/INBOX' }, /^IMAP_URL must start with imap: or imaps:/],
    [{ ...MAIL, IMAP_URL: 'imap://mail.example:143/INBOX' }, /^IMAP_URL must name the user and password/],
    [{ ...MAIL, SMTP_URL: 'mail.example:25' }, /^SMTP_URL must start with smtp: or smtps:/],
    [{ ...MAIL, MAIL_FROM: 'Borgerservice <not an address>' }, /^MAIL_FROM must be an address/],
    [{ REOPEN_WINDOW_DAYS: '-3' }, /^REOPEN_WINDOW_DAYS must be a whole number/],
    [{ MAIL_MAX_MESSAGE_BYTES: '10' }, /^MAIL_MAX_MESSAGE_BYTES must be a whole number/],
    [{ MAIL_ACK_TEMPLATE_DIR: '/nonexistent-kontakt' }, /^MAIL_ACK_TEMPLATE_DIR must hold acknowledgement.da.txt/],
    [{ OUTBOX_MAX_ATTEMPTS: '0' }, /^OUTBOX_MAX_ATTEMPTS must be a whole number/],
    [{ TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}` }, /^TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together/],
    [{ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 'a'.repeat(32) }, /^TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits/],
    [{ TWILIO_PHONE_NUMBER: '70102030' }, /^TWILIO_PHONE_NUMBER must be an E.164 number/],
    [{ TWILIO_API_BASE_URL: 'ftp://stand-in' }, /^TWILIO_API_BASE_URL must start with https: or http:/],
    [{ TWILIO_USD_RATE_ORE: '6.9' }, /^TWILIO_USD_RATE_ORE must be a whole number/],
  ])('rejects %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lets PUBLIC_RATE_LIMIT=0 turn the limit off', () => {
    expect(loadConfig({ PUBLIC_RATE_LIMIT: '0' }).publicRateLimit).toBe(0);
  });

  it('reads the env mailbox and its sender', () => {
    const config = loadConfig(MAIL);
    expect(config.imapUrl).toBe(MAIL.IMAP_URL);
    expect(config.mailFrom).toEqual({ name: 'Borgerservice', address: 'borgerservice@kommune.dk' });
    expect(config.reopenWindowDays).toBe(14);
  });

  it('accepts a 32-byte SECRET_KEY as hex or base64', () => {
    expect(loadConfig({ SECRET_KEY: 'a'.repeat(64) }).secretKey).toBe('a'.repeat(64));
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ SECRET_KEY: base64 }).secretKey).toBe(base64);
  });
});
