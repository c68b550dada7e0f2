import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { listAllCases } from './support/api-expectations';
import { hasDovecot, MAILBOX_PASSWORD, MAILBOX_USER, startDovecot, Dovecot } from './support/dovecot';
import { caseByText, eventually, rawEmail, sleep } from './support/email-factories';
import { requireOrSkip } from './support/require-or-skip';
import { startSmtpCapture, SmtpCapture } from './support/smtp-capture';
import { startServer, TestServer } from './support/test-server';

// Mail moves through real servers and polling; the slowest step (a 300-message backlog after a kill) takes tens of seconds.
jest.setTimeout(120_000);

const word = () => `ord${randomUUID().slice(0, 8)}`;

requireOrSkip(hasDovecot, 'Dovecot (/usr/sbin/dovecot, Debian package dovecot-imapd) is not installed')('email ingestion that survives crashes and outages', () => {
  let dovecot: Dovecot;
  let smtp: SmtpCapture;
  let server: TestServer;
  let databaseUrl: string;

  const env = (extra: Record<string, string> = {}) => ({
    IMAP_URL: dovecot.imapUrl(), SMTP_URL: smtp.url, MAIL_FROM: 'post@kommune.test', SECRET_KEY: 'ef'.repeat(32), MAIL_POLL_SECONDS: '2',
    MAIL_MAX_MESSAGE_BYTES: '65536', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...extra,
  });
  const restart = async (extra: Record<string, string> = {}, signal: NodeJS.Signals = 'SIGTERM') => {
    await server.stop(signal);
    server = await startServer({ env: env(extra) });
  };
  const admin = () => server.adminToken();
  const arrived = async (text: string) => eventually(async () => caseByText(server, await admin(), text), `a case with "${text}"`, 30_000);

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpCapture()]);
    server = await startServer({ env: env() });
    databaseUrl = server.databaseUrl!;
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([dovecot?.destroy(), smtp?.stop()]);
  });

  it('quarantines a message over the size limit without blocking the mailbox, and records it on retry once the limit is raised', async () => {
    const key = word();
    await dovecot.append(rawEmail({ subject: `Stor ${key}`, text: 'x'.repeat(100_000) }));
    await dovecot.append(rawEmail({ subject: `Efter ${key}` }));
    await arrived(`Efter ${key}`);

    const quarantined = (await server.as(await admin()).get('/api/v1/email/quarantine')).body;
    expect(quarantined).toEqual([expect.objectContaining({ status: 'quarantined', reason: expect.stringContaining('MAIL_MAX_MESSAGE_BYTES'), messageId: null })]);
    expect((await server.as(await server.createStaff('agent').then((a) => a.token)).get('/api/v1/email/quarantine')).status).toBe(403);

    await restart({ MAIL_MAX_MESSAGE_BYTES: '1000000' });
    const retried = await server.as(await admin()).post(`/api/v1/email/quarantine/${quarantined[0].id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('released');
    await arrived(`Stor ${key}`);
  });

  it('loses and duplicates nothing when the server is killed in the middle of a backlog', async () => {
    const key = word();
    await server.stop();
    const backlog = Array.from({ length: 300 }, (_, i) => rawEmail({ subject: `Krak ${key} nr${i}` }));
    const imap = await dovecot.client();
    try {
      for (const raw of backlog) await imap.append('INBOX', raw);
    } finally {
      await imap.logout();
    }
    server = await startServer({ env: env() });
    const token = await admin();
    const count = async () => (await listAllCases(server, token, { text: key })).length;
    await eventually(async () => (await count()) > 0, 'the first of the backlog', 30_000);
    await server.stop('SIGKILL');

    server = await startServer({ env: env() });
    const newToken = await admin();
    await eventually(async () => (await listAllCases(server, newToken, { text: key })).length >= 300, 'the whole backlog', 60_000);
    await sleep(1_000);
    const cases = await listAllCases(server, newToken, { text: key });
    expect(cases).toHaveLength(300);
  });

  it('resumes ingestion after Dovecot restarts', async () => {
    await dovecot.stop();
    await sleep(1_500);
    await dovecot.start();
    const key = word();
    await dovecot.append(rawEmail({ subject: `Genstart ${key}` }));
    await arrived(key);
  });

  it('watches a mailbox added through the admin API, keeps its password encrypted, and reads a recreated folder again', async () => {
    const imap = await dovecot.client();
    await imap.mailboxCreate('Teknik');
    const token = await admin();
    const created = await server.as(token).post('/api/v1/email/mailboxes').send({
      name: 'teknik', address: 'teknik@kommune.test', displayName: 'Teknik og Miljø', imapHost: '127.0.0.1', imapPort: dovecot.port, imapTls: false,
      imapUser: MAILBOX_USER, imapSecret: MAILBOX_PASSWORD, folder: 'Teknik', smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpTls: false, topic: 'parkering',
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toContain(MAILBOX_PASSWORD);
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const stored = (await db.query('SELECT imap_secret FROM email_mailboxes WHERE id = $1', [created.body.id])).rows[0].imap_secret as string;
      expect(stored).toMatch(/^v1:/);
      expect(stored).not.toContain(MAILBOX_PASSWORD);
    } finally {
      await db.end();
    }

    const first = word();
    await imap.append('Teknik', rawEmail({ subject: `Vejhul ${first}` }));
    const opened = await arrived(first);
    expect((await server.as(token).get(`/api/v1/cases/${opened.id}`)).body.topic).toBe('parkering');

    await imap.mailboxDelete('Teknik');
    await imap.mailboxCreate('Teknik');
    const second = word();
    await imap.append('Teknik', rawEmail({ subject: `Lygtepæl ${second}` }));
    await arrived(second);
    await imap.logout();

    expect((await server.as(token).post('/api/v1/email/mailboxes').send({ ...created.body, imapSecret: 'x' })).status).toBe(400);
  });

  it('lets exactly one of two servers on one database watch the mailbox, and hands over when it dies', async () => {
    const other = await startServer({ env: env() });
    try {
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        const holders = async () => (await db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = 19277 AND granted`)).rows[0].n;
        await eventually(async () => (await holders()) === 2, 'both mailboxes locked once');
        await server.stop('SIGKILL');
        server = other;
        const key = word();
        await dovecot.append(rawEmail({ subject: `Overtaget ${key}` }));
        await arrived(key);
        expect(await holders()).toBe(2);
      } finally {
        await db.end();
      }
    } finally {
      if (server !== other) await other.stop();
    }
  });
});
