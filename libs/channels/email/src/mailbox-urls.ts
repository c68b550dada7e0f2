/** The connection settings of IMAP_URL and SMTP_URL; config has checked their form. */
export interface ImapSettings {
  host: string;
  port: number;
  tls: boolean;
  user: string;
  password: string;
  folder: string;
}

export interface SmtpSettings {
  host: string;
  port: number;
  tls: boolean;
  user?: string;
  password?: string;
}

export function imapSettingsFromUrl(raw: string): ImapSettings {
  const url = new URL(raw);
  const tls = url.protocol === 'imaps:';
  const folder = decodeURIComponent(url.pathname.replace(/^\/+/, '')) || 'INBOX';
  return { host: url.hostname, port: Number(url.port) || (tls ? 993 : 143), tls, user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), folder };
}

export function smtpSettingsFromUrl(raw: string): SmtpSettings {
  const url = new URL(raw);
  const tls = url.protocol === 'smtps:';
  const user = url.username ? decodeURIComponent(url.username) : undefined;
  return { host: url.hostname, port: Number(url.port) || (tls ? 465 : 587), tls, user, password: user ? decodeURIComponent(url.password) : undefined };
}
