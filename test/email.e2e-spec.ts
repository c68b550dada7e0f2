import { randomUUID } from 'node:crypto';
import { hasDovecot, startDovecot, Dovecot } from './support/dovecot';
import { caseByText, caseDetail, citizenAddress, eventually, newMessageId, rawEmail } from './support/email-factories';
import { requireOrSkip } from './support/require-or-skip';
import { pdf } from './support/sample-files';
import { startSmtpCapture, SmtpCapture } from './support/smtp-capture';
import { startServer, TestServer } from './support/test-server';

const MAIL_FROM = 'borgerservice@kommune.test';
// Mail moves through real servers and polling; the slowest step (a 300-message backlog after a kill) takes tens of seconds.
jest.setTimeout(120_000);

const word = () => `ord${randomUUID().slice(0, 8)}`;

requireOrSkip(hasDovecot, 'Dovecot (/usr/sbin/dovecot, Debian package dovecot-imapd) is not installed')('the email channel', () => {
  let dovecot: Dovecot;
  let smtp: SmtpCapture;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpCapture()]);
    server = await startServer({
      env: { IMAP_URL: dovecot.imapUrl(), SMTP_URL: smtp.url, MAIL_FROM: `Borgerservice <${MAIL_FROM}>`, SECRET_KEY: 'ab'.repeat(32), MAIL_POLL_SECONDS: '2' },
    });
    admin = await server.adminToken();
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([dovecot?.destroy(), smtp?.stop()]);
  });

  const arrived = (text: string) => eventually(() => caseByText(server, admin, text), `a case with "${text}"`);
  const detail = (id: string) => caseDetail(server, admin, id);

  it('round trip: email in → case → acknowledgement → agent reply → citizen reply threads into the same case', async () => {
    const citizen = citizenAddress('karen');
    const key = word();
    const first = newMessageId();
    await dovecot.append(rawEmail({ from: `Karen Hansen <${citizen}>`, subject: `Storskrald ${key}`, messageId: first }));

    const opened = await arrived(key);
    const ack = await smtp.waitFor((m) => m.envelope.to.includes(citizen));
    expect(ack.parsed.subject).toBe(`Vi har modtaget din henvendelse [${opened.reference}]`);
    expect(ack.parsed.inReplyTo).toBe(first);
    expect(ack.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.parsed.from?.value[0]).toEqual({ name: 'Borgerservice', address: MAIL_FROM });
    expect(ack.parsed.text).toMatch(new RegExp(`${server.url}/status/[A-Za-z0-9_-]{43}`));

    const agent = await server.createStaff('agent');
    const reply = await server.as(agent.token).post(`/api/v1/cases/${opened.id}/replies`)
      .field('body', 'Storskrald hentes på torsdag.').field('channel', 'email').attach('attachments', pdf('Afhentning'), 'plan.pdf');
    expect(reply.status).toBe(201);
    const sent = await smtp.waitFor((m) => m.envelope.to.includes(citizen) && m.parsed.subject!.startsWith('Re:'));
    expect(sent.parsed.subject).toBe(`Re: Storskrald ${key} [${opened.reference}]`);
    expect(sent.parsed.messageId).toMatch(/^<kontakt\.[0-9a-f-]{36}@kommune\.test>$/);
    expect(sent.parsed.inReplyTo).toBe(first);
    expect(sent.parsed.references).toEqual(expect.arrayContaining([first, ack.parsed.messageId]));
    expect(sent.parsed.text?.trim()).toBe('Storskrald hentes på torsdag.');
    expect(sent.parsed.attachments.map((a) => a.filename)).toEqual(['plan.pdf']);
    await eventually(async () => (await detail(opened.id)).deliveries.every((d: { status: string }) => d.status === 'sent'), 'both deliveries sent');

    // the mailbox stamps arrival to the second; let the reply's second pass so the timeline order is unambiguous
    await new Promise((r) => setTimeout(r, 1_000));
    await dovecot.append(rawEmail({
      from: citizen, subject: `Re: Storskrald ${key}`, inReplyTo: sent.parsed.messageId, references: `${first} ${sent.parsed.messageId}`,
      text: 'Tak, det passer fint.\r\n\r\nDen 3. nov. 2026 skrev Borgerservice <borgerservice@kommune.test>:\r\n> Storskrald hentes på torsdag.',
    }));
    const thread = await eventually(async () => {
      const body = await detail(opened.id);
      return body.contacts.length === 3 && body;
    }, 'the citizen reply on the same case');
    expect(thread.contacts.map((c: { direction: string; channel: string }) => `${c.direction}:${c.channel}`)).toEqual(['inbound:email', 'outbound:email', 'inbound:email']);
    expect(thread.contacts[2]).toMatchObject({ text: 'Tak, det passer fint.', quoted: expect.stringContaining('> Storskrald hentes på torsdag.') });
    expect(thread.contacts[1].delivery).toMatchObject({ status: 'sent', kind: 'reply' });
    expect(smtp.messages.filter((m) => m.envelope.to.includes(citizen))).toHaveLength(2);

    const imap = await dovecot.client();
    try {
      await imap.mailboxOpen('INBOX');
      const unseen = await imap.search({ seen: false });
      expect(unseen).toEqual([]);
    } finally {
      await imap.logout();
    }
  });

  it('reopens a resolved case when the citizen answers with its reference within the reopen window', async () => {
    const key = word();
    await dovecot.append(rawEmail({ subject: `Parkering ${key}` }));
    const opened = await arrived(key);
    expect((await server.as(admin).patch(`/api/v1/cases/${opened.id}`).send({ status: 'resolved' })).status).toBe(200);

    await dovecot.append(rawEmail({ subject: `Sv: Parkering [${opened.reference}]`, text: 'Det er stadig ikke løst.' }));
    const reopened = await eventually(async () => {
      const body = await detail(opened.id);
      return body.contacts.length === 2 && body;
    }, 'the answer on the resolved case');
    expect(reopened.status).toBe('queued');
    expect(reopened.events.map((e: { type: string }) => e.type)).toContain('reopened');
  });

  it('keeps æøå from an ISO-8859-1 message with encoded-word headers', async () => {
    const key = word();
    const raw = Buffer.concat([
      Buffer.from(`From: =?ISO-8859-1?Q?S=F8ren_=C6bel=F8?= <${citizenAddress('soren')}>\r\nTo: ${MAIL_FROM}\r\nSubject: =?ISO-8859-1?Q?Gr=F8nne_omr=E5der_${key}?=\r\nMessage-ID: ${newMessageId()}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`),
      Buffer.from('Græsset på Ærøvej er ikke slået. Åbenlyst glemt.\r\n', 'latin1'),
    ]);
    await dovecot.append(raw);

    const body = await detail((await arrived(key)).id);
    expect(body.subject).toBe(`Grønne områder ${key}`);
    expect(body.citizen.name).toBe('Søren Æbelø');
    expect(body.contacts[0].text).toBe('Græsset på Ærøvej er ikke slået. Åbenlyst glemt.');
  });

  it('keeps Windows-1252 characters and sanitises an HTML-only message with <script>', async () => {
    const key = word();
    const html = `<html><body><p onclick="steal()">Kære kommune – vedr. “${key}”</p><script>alert('x')</script><img src="https://tracker.example/p.gif"><a href="javascript:evil()">link</a></body></html>`;
    await dovecot.append(Buffer.concat([
      Buffer.from(`From: ${citizenAddress('html')}\r\nTo: ${MAIL_FROM}\r\nSubject: HTML ${key}\r\nMessage-ID: ${newMessageId()}\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`),
      Buffer.from(html.replace('–', '\x96').replace('“', '\x93').replace('”', '\x94').replace('æ', '\xe6'), 'latin1'),
    ]));

    const contact = (await detail((await arrived(key)).id)).contacts[0];
    expect(contact.html).toContain(`Kære kommune – vedr. “${key}”`);
    expect(contact.html).not.toMatch(/script|onclick|javascript:|tracker\.example/);
    expect(contact.text).toContain(`Kære kommune – vedr. “${key}”`);
    expect(contact.attachments.map((a: { filename: string; contentType: string }) => a.contentType)).toEqual(['message/rfc822']);
  });

  it('stores an attachment with its type detected from the content, and the original message', async () => {
    const key = word();
    const boundary = 'graense-42';
    const raw = [
      `From: ${citizenAddress('bilag')}`, `To: ${MAIL_FROM}`, `Subject: Bilag ${key}`, `Message-ID: ${newMessageId()}`, 'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`, 'Content-Type: text/plain; charset=utf-8', '', 'Se vedhæftede.', '',
      `--${boundary}`, 'Content-Type: image/png; name="faktura.png"', 'Content-Disposition: attachment; filename="faktura.png"', 'Content-Transfer-Encoding: base64', '',
      pdf('Faktura').toString('base64'), `--${boundary}--`, '',
    ].join('\r\n');
    await dovecot.append(raw);

    const { id } = await arrived(key);
    const contact = (await detail(id)).contacts[0];
    expect(contact.attachments.map((a: { filename: string; contentType: string }) => [a.filename, a.contentType])).toEqual([
      ['faktura.png', 'application/pdf'], ['message.eml', 'message/rfc822'],
    ]);
    const file = await server.as(admin).get(contact.attachments[0].url);
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('records a duplicate delivery of the same message once', async () => {
    const key = word();
    const raw = rawEmail({ subject: `Dobbelt ${key}` });
    await dovecot.append(raw);
    await dovecot.append(raw);
    const noId = rawEmail({ subject: `Uden id ${key}`, messageId: null });
    await dovecot.append(noId);
    await dovecot.append(noId);
    await arrived(`Uden id ${key}`);
    await eventually(async () => (await server.as(admin).get('/api/v1/email/mailboxes')).body[0].lastUid >= 4, 'the cursor past all four');

    const cases = (await server.as(admin).get('/api/v1/cases').query({ text: key })).body.items;
    expect(cases).toHaveLength(2);
    for (const c of cases) expect((await detail(c.id)).contacts).toHaveLength(1);
  });
});
