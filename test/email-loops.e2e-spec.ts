import { randomUUID } from 'node:crypto';
import { hasDovecot, startDovecot, Dovecot } from './support/dovecot';
import { caseByText, caseDetail, citizenAddress, eventually, newMessageId, rawEmail, sleep } from './support/email-factories';
import { requireOrSkip } from './support/require-or-skip';
import { startSmtpCapture, SmtpCapture } from './support/smtp-capture';
import { startServer, TestServer } from './support/test-server';

const MAIL_FROM = 'borgerservice@kommune.test';
// Mail moves through real servers and polling; the slowest step (a 300-message backlog after a kill) takes tens of seconds.
jest.setTimeout(120_000);

const word = () => `ord${randomUUID().slice(0, 8)}`;

requireOrSkip(hasDovecot, 'Dovecot (/usr/sbin/dovecot, Debian package dovecot-imapd) is not installed')('email noise, loops and delivery failures', () => {
  let dovecot: Dovecot;
  let smtp: SmtpCapture;
  let server: TestServer;
  let admin: string;
  let agent: { token: string };

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpCapture()]);
    server = await startServer({
      env: { IMAP_URL: dovecot.imapUrl(), SMTP_URL: smtp.url, MAIL_FROM, SECRET_KEY: 'cd'.repeat(32), MAIL_POLL_SECONDS: '2', OUTBOX_RETRY_BASE_MS: '300', REOPEN_WINDOW_DAYS: '0' },
    });
    admin = await server.adminToken();
    agent = await server.createStaff('agent');
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([dovecot?.destroy(), smtp?.stop()]);
  });

  const arrived = (text: string) => eventually(() => caseByText(server, admin, text), `a case with "${text}"`);
  const detail = (id: string) => caseDetail(server, admin, id);
  const mailsTo = (address: string) => smtp.messages.filter((m) => m.envelope.to.includes(address));

  async function openCase(citizen: string) {
    const key = word();
    await dovecot.append(rawEmail({ from: citizen, subject: `Henvendelse ${key}` }));
    const opened = await arrived(key);
    const ack = await smtp.waitFor((m) => m.envelope.to.includes(citizen) && m.parsed.subject!.includes(opened.reference));
    return { ...opened, key, ack };
  }

  async function replyByEmail(caseId: string, body = 'Her er vores svar.') {
    const response = await server.as(agent.token).post(`/api/v1/cases/${caseId}/replies`).send({ body, channel: 'email' });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  it('records an out-of-office reply on its case without reopening it or acknowledging it', async () => {
    const citizen = citizenAddress('ferie');
    const opened = await openCase(citizen);
    expect((await server.as(admin).patch(`/api/v1/cases/${opened.id}`).send({ status: 'resolved' })).status).toBe(200);

    await dovecot.append(rawEmail({
      from: citizen, subject: `Autosvar: ${opened.ack.parsed.subject}`, inReplyTo: opened.ack.parsed.messageId,
      headers: { 'Auto-Submitted': 'auto-replied' }, text: 'Jeg er på ferie til mandag.',
    }));
    const body = await eventually(async () => {
      const current = await detail(opened.id);
      return current.contacts.length === 2 && current;
    }, 'the out-of-office reply on the case');
    expect(body.status).toBe('resolved');
    expect(body.contacts[1]).toMatchObject({ direction: 'inbound', text: 'Jeg er på ferie til mandag.' });
    await sleep(1_000);
    // resolving the case legitimately mails the citizen a satisfaction survey; what must not happen is a second automatic reply
    expect(mailsTo(citizen).filter((m) => m.parsed.headers.get('auto-submitted') === 'auto-replied')).toHaveLength(1);
  });

  it('opens a new case linked to the old one when the citizen answers after the reopen window', async () => {
    const citizen = citizenAddress('sen');
    const opened = await openCase(citizen);
    expect((await server.as(admin).patch(`/api/v1/cases/${opened.id}`).send({ status: 'resolved' })).status).toBe(200);
    await sleep(50);

    await dovecot.append(rawEmail({ from: citizen, subject: `Re: ${opened.ack.parsed.subject}`, inReplyTo: opened.ack.parsed.messageId, text: 'Nu er der et nyt problem.' }));
    const old = await eventually(async () => {
      const body = await detail(opened.id);
      return body.events.some((e: { type: string }) => e.type === 'follow_up_case') && body;
    }, 'the old case pointing at its follow-up');
    expect(old.status).toBe('resolved');
    expect(old.contacts).toHaveLength(1);
    const followUp = await detail(old.events.find((e: { type: string }) => e.type === 'follow_up_case').data.caseId);
    expect(followUp.events).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'linked_case', data: expect.objectContaining({ reference: opened.reference, reason: 'reopen_window_passed' }) })]));
    expect(followUp.contacts[0].text).toBe('Nu er der et nyt problem.');
  });

  it('marks a reply failed on its case when the citizen’s mail server bounces it', async () => {
    const citizen = citizenAddress('ukendt');
    const opened = await openCase(citizen);
    const contactId = await replyByEmail(opened.id);
    const sent = await smtp.waitFor((m) => m.envelope.to.includes(citizen) && m.parsed.subject!.startsWith('Re:'));

    const boundary = 'dsn-boundary';
    await dovecot.append([
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.dk>', `To: ${MAIL_FROM}`, 'Subject: Undelivered Mail Returned to Sender', `Message-ID: ${newMessageId()}`,
      'Auto-Submitted: auto-replied', 'MIME-Version: 1.0', `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`, '',
      `--${boundary}`, 'Content-Type: text/plain', '', 'Your message could not be delivered.', '',
      `--${boundary}`, 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.dk', '', `Final-Recipient: rfc822; ${citizen}`,
      'Action: failed', 'Status: 5.1.1', `Diagnostic-Code: smtp; 550 5.1.1 <${citizen}>: Recipient address rejected`, '',
      `--${boundary}`, 'Content-Type: text/rfc822-headers', '', `Message-ID: ${sent.parsed.messageId}`, `Subject: ${sent.parsed.subject}`, '', `--${boundary}--`, '',
    ].join('\r\n'));

    const delivery = await eventually(async () => {
      const d = (await detail(opened.id)).contacts.find((c: { id: string }) => c.id === contactId).delivery;
      return d.status === 'failed' && d;
    }, 'the reply marked failed');
    expect(delivery.error).toContain('550 5.1.1');
    expect((await detail(opened.id)).events.map((e: { type: string }) => e.type)).toContain('delivery_failed');
    expect(await caseByText(server, admin, 'Undelivered')).toBeUndefined();
  });

  it('never acknowledges bulk, list or noreply mail, nor one sender twice within the hour', async () => {
    const key = word();
    const noise = [
      rawEmail({ subject: `Nyhedsbrev ${key} a`, headers: { Precedence: 'bulk' } }),
      rawEmail({ subject: `Liste ${key} b`, headers: { 'List-Id': '<nyt.example.dk>' } }),
      rawEmail({ from: 'noreply@butik.example.dk', subject: `Kvittering ${key} c` }),
      rawEmail({ subject: `Robot ${key} d`, headers: { 'Auto-Submitted': 'auto-generated' } }),
    ];
    for (const raw of noise) await dovecot.append(raw);
    const citizen = citizenAddress('ivrig');
    await dovecot.append(rawEmail({ from: citizen, subject: `Første ${key} e` }));
    await dovecot.append(rawEmail({ from: citizen, subject: `Anden ${key} f` }));

    await eventually(async () => (await server.as(admin).get('/api/v1/cases').query({ text: key })).body.items.length === 6, 'six cases');
    await sleep(1_500);
    const acknowledged = smtp.messages.filter((m) => m.parsed.inReplyTo && noise.some((raw) => raw.includes(m.parsed.inReplyTo!)));
    expect(acknowledged).toEqual([]);
    expect(mailsTo(citizen)).toHaveLength(1);
  });

  it('cannot be made to add headers through a subject with line breaks', async () => {
    const citizen = citizenAddress('snu');
    const key = word();
    const subject = Buffer.from(`Hej ${key}\r\nBcc: angriber@evil.example\r\nX-Evil: 1`).toString('base64');
    await dovecot.append(rawEmail({ from: citizen, headers: { Subject: `=?UTF-8?B?${subject}?=` } }));
    const opened = await arrived(key);
    await replyByEmail(opened.id);

    const sent = await smtp.waitFor((m) => m.envelope.to.includes(citizen) && m.parsed.subject!.startsWith('Re:'));
    expect(sent.envelope.to).toEqual([citizen]);
    expect(sent.parsed.headers.has('bcc')).toBe(false);
    expect(sent.parsed.headers.has('x-evil')).toBe(false);
    expect(sent.parsed.subject).toBe(`Re: Hej ${key} Bcc: angriber@evil.example X-Evil: 1 [${opened.reference}]`);
  });

  it('loses nothing while the SMTP server is down, and delivers when it is back', async () => {
    const citizen = citizenAddress('taalmodig');
    const opened = await openCase(citizen);
    await smtp.stop();
    try {
      const contactId = await replyByEmail(opened.id, 'Svar mens mailserveren er nede.');
      const waiting = await eventually(async () => {
        const d = (await detail(opened.id)).contacts.find((c: { id: string }) => c.id === contactId).delivery;
        return d.attempts >= 2 && d;
      }, 'two failed attempts');
      expect(waiting).toMatchObject({ status: 'queued', error: expect.stringMatching(/ECONNREFUSED|connect/i) });
    } finally {
      await smtp.start();
    }
    const sent = await smtp.waitFor((m) => m.envelope.to.includes(citizen) && m.parsed.text!.includes('Svar mens mailserveren er nede.'), 30_000);
    expect(sent.parsed.subject).toContain(opened.reference);
    await eventually(async () => (await detail(opened.id)).deliveries.every((d: { status: string }) => d.status === 'sent'), 'the reply marked sent');
  });

  it('refuses an email reply to a citizen without an email address with 422', async () => {
    const submitted = await server.request.post('/api/v1/public/webform').send({ name: 'Uden mail', phone: '+45 20 30 40 50', message: 'Ring mig op.' });
    const found = (await server.as(admin).get('/api/v1/cases').query({ text: submitted.body.reference })).body.items[0];
    const reply = await server.as(agent.token).post(`/api/v1/cases/${found.id}/replies`).send({ body: 'Svar', channel: 'email' });
    expect(reply.status).toBe(422);
    expect(reply.body.message).toContain('no email address');
  });
});
