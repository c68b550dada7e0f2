import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium, screenshot, seriousViolations } from './support/browser';
import { submitCase } from './support/factories';
import { requireOrSkip } from './support/require-or-skip';
import { StaffMember, startServer, TestServer } from './support/test-server';
import { TwilioApiStandIn } from './support/twilio-api-stand-in';
import { danishMobile, newCallSid, postSigned, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_NUMBER } from './support/twilio-webhooks';
import { caseRow, signIn } from './support/web-app';

jest.setTimeout(120_000);

requireOrSkip(hasChromium, 'Chromium (/usr/bin/chromium)')('the inbox: unread markers, reply templates and call-backs', () => {
  let twilioApi: TwilioApiStandIn;
  let server: TestServer;
  let browser: Browser;
  let admin: string;
  let supervisor: StaffMember;
  let colleague: StaffMember;
  let agent: StaffMember;

  beforeAll(async () => {
    twilioApi = new TwilioApiStandIn(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    await twilioApi.start();
    server = await startServer({
      env: {
        TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_PHONE_NUMBER: TWILIO_NUMBER, TWILIO_API_BASE_URL: twilioApi.url,
        SECRET_KEY: 'cd'.repeat(32), ROUTING_PRESENCE_GRACE_SECONDS: '3600',
      },
    });
    browser = await launchChromium();
    admin = await server.adminToken();
    supervisor = await server.createStaff('supervisor', { name: 'Søren Supervisor' });
    colleague = await server.createStaff('supervisor', { name: 'Kim Kollega' });
    agent = await server.createStaff('agent', { name: 'Anna Agent' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await twilioApi?.stop();
  });

  const unreadIn = async (token: string, caseId: string): Promise<boolean> => {
    const page = (await server.as(token).get('/api/v1/cases').query({ status: 'new,queued,offered,assigned,waiting_on_citizen', limit: 100 }).expect(200)).body;
    const found = (page.items as { id: string; unread: boolean }[]).find((c) => c.id === caseId);
    if (!found) throw new Error(`case ${caseId} is not on the first page`);
    return found.unread;
  };
  const inboundContact = (caseId: string) =>
    server.as(admin).post('/api/v1/staff-contacts').send({ channel: 'phone', caseId, summary: 'Borgeren ringer igen om sagen.', durationSeconds: 60, outcome: 'completed' }).expect(201);
  /** The row is marked unread when its list item carries the class, as the dot and the hidden "Ulæst" text follow it. */
  const rowIsUnread = (page: Page, reference: string) => page.locator(`li.case-row.unread a[data-reference="${reference}"]`);
  const rowIsRead = (page: Page, reference: string) => page.locator(`li.case-row:not(.unread) a[data-reference="${reference}"]`);

  describe('unread markers on the server', () => {
    it('keeps a case unread per staff member until they open it, and again when the citizen writes', async () => {
      const submitted = await submitCase(server, { message: 'Hvornår tømmes skraldespanden?' });
      expect(await unreadIn(supervisor.token, submitted.id)).toBe(true);
      expect(await unreadIn(colleague.token, submitted.id)).toBe(true);

      await server.as(supervisor.token).put(`/api/v1/cases/${submitted.id}/read`).expect(204);
      expect(await unreadIn(supervisor.token, submitted.id)).toBe(false);
      expect(await unreadIn(colleague.token, submitted.id)).toBe(true);

      await server.as(supervisor.token).post(`/api/v1/cases/${submitted.id}/replies`).send({ body: 'Vi ser på det.' }).expect(201);
      expect(await unreadIn(supervisor.token, submitted.id)).toBe(false);

      await inboundContact(submitted.id);
      expect(await unreadIn(supervisor.token, submitted.id)).toBe(true);

      await server.as(supervisor.token).put(`/api/v1/cases/${submitted.id}/read`).expect(204);
      await server.as(supervisor.token).delete(`/api/v1/cases/${submitted.id}/read`).expect(204);
      expect(await unreadIn(supervisor.token, submitted.id)).toBe(true);
    });

    it('answers 404 for a case that does not exist and 400 for an id that is not one', async () => {
      await server.as(supervisor.token).put('/api/v1/cases/00000000-0000-4000-8000-000000000000/read').expect(404);
      const bad = await server.as(supervisor.token).put('/api/v1/cases/nope/read').expect(400);
      expect(bad.body.message).toContain('id must be a UUID');
    });

    it('a case read in one browser shows read in the same staff member\'s other browser after a reload, and still unread for a colleague', async () => {
      const submitted = await submitCase(server, { message: 'Et spørgsmål om parkering.' });
      const first = await signIn(browser, server, supervisor);
      const second = await signIn(browser, server, supervisor);
      const other = await signIn(browser, server, colleague);
      try {
        await rowIsUnread(second.page, submitted.reference).waitFor();
        const marked = first.page.waitForResponse((r) => r.url().endsWith(`/cases/${submitted.id}/read`) && r.status() === 204);
        await rowIsUnread(first.page, submitted.reference).click();
        await marked;

        // live: the socket tells the other browser of the same staff member at once
        await rowIsRead(second.page, submitted.reference).waitFor();
        await second.page.reload();
        await rowIsRead(second.page, submitted.reference).waitFor();
        await screenshot(second.page, 'inbox-unread-markers');

        await other.page.reload();
        await rowIsUnread(other.page, submitted.reference).waitFor();
      } finally {
        await Promise.all([first.context.close(), second.context.close(), other.context.close()]);
      }
    });
  });

  describe('reply templates', () => {
    const template = {
      nameDa: 'Afhentning', nameEn: 'Collection',
      bodyDa: 'Kære {navn}\n\nDin sag {sag} om "{emne}" er modtaget.\n\nHilsen {medarbejder}',
      bodyEn: 'Dear {navn}\n\nYour case {sag} about "{emne}" is received.\n\nRegards {medarbejder}',
    };

    it('ships the default templates; agents read them but cannot change them', async () => {
      const list = (await server.as(agent.token).get('/api/v1/reply-templates').expect(200)).body;
      expect(list.items.map((x: { name: { da: string } }) => x.name.da)).toEqual(expect.arrayContaining(['Kvittering', 'Brug for flere oplysninger', 'Sagen er løst']));
      expect(list.placeholders.map((p: { name: string }) => p.name)).toEqual(['navn', 'sag', 'emne', 'medarbejder']);
      await server.as(agent.token).post('/api/v1/reply-templates').send(template).expect(403);
      await server.as(agent.token).put(`/api/v1/reply-templates/${list.items[0].id}`).send(template).expect(403);
      await server.as(agent.token).delete(`/api/v1/reply-templates/${list.items[0].id}`).expect(403);
    });

    it('refuses bad templates with a clear message', async () => {
      const as = server.as(supervisor.token);
      expect((await as.post('/api/v1/reply-templates').send({ ...template, bodyDa: 'Hej {cpr}' }).expect(422)).body.message)
        .toContain('Unknown placeholder {cpr}; a template may use {navn}, {sag}, {emne}, {medarbejder}');
      expect(JSON.stringify((await as.post('/api/v1/reply-templates').send({ ...template, nameEn: '' }).expect(400)).body.message)).toContain('nameEn must not be empty');
      await as.post('/api/v1/reply-templates').send({ ...template, bodyEn: 42 }).expect(400);
      await as.post('/api/v1/reply-templates').send({ ...template, position: -1 }).expect(400);
      await as.post('/api/v1/reply-templates').send({ ...template, extra: true }).expect(400);
      await as.put('/api/v1/reply-templates/nope').send(template).expect(400);
      await as.put('/api/v1/reply-templates/00000000-0000-4000-8000-000000000000').send(template).expect(404);
      await as.post('/api/v1/reply-templates').send({ ...template, nameDa: 'kvittering' }).expect(409);
    });

    it('supervisors create, change and delete templates', async () => {
      const as = server.as(supervisor.token);
      const created = (await as.post('/api/v1/reply-templates').send({ ...template, nameDa: 'Midlertidig', position: 9 }).expect(201)).body;
      expect(created).toMatchObject({ name: { da: 'Midlertidig', en: 'Collection' }, body: { da: template.bodyDa }, position: 9 });
      const changed = (await as.put(`/api/v1/reply-templates/${created.id}`).send({ ...template, nameDa: 'Midlertidig 2' }).expect(200)).body;
      expect(changed).toMatchObject({ id: created.id, name: { da: 'Midlertidig 2' }, position: 0 });
      await as.delete(`/api/v1/reply-templates/${created.id}`).expect(204);
      await as.delete(`/api/v1/reply-templates/${created.id}`).expect(404);
    });

    it('fills a template\'s placeholders in the composer from the case and the staff member', async () => {
      await server.as(admin).post('/api/v1/reply-templates').send(template).expect(201);
      const submitted = await submitCase(server, { name: 'Karen Hansen', message: 'Hej. Jeg vil gerne have hentet storskrald ved mit hus på fredag, tak.' });
      const detail = (await server.as(admin).get(`/api/v1/cases/${submitted.id}`).expect(200)).body;
      const { context, page } = await signIn(browser, server, supervisor, `/app/cases/${submitted.id}`);
      try {
        await page.getByLabel('Skabelon').selectOption({ label: 'Afhentning' });
        // in the case's language, whatever language the staff member reads the app in
        const expected = detail.language === 'en'
          ? `Dear Karen Hansen\n\nYour case ${submitted.reference} about "${detail.subject}" is received.\n\nRegards Søren Supervisor`
          : `Kære Karen Hansen\n\nDin sag ${submitted.reference} om "${detail.subject}" er modtaget.\n\nHilsen Søren Supervisor`;
        await expect(page.getByLabel('Besked').inputValue()).resolves.toBe(expected);
        await screenshot(page, 'composer-template');
      } finally {
        await context.close();
      }
    });

    it('a supervisor writes a template on the administration screen, whose only tab for them is the templates', async () => {
      const { context, page } = await signIn(browser, server, supervisor, '/app/admin');
      try {
        const tabs = page.getByRole('navigation', { name: 'Administrationsområder' }).getByRole('link');
        await tabs.first().waitFor();
        expect(await tabs.allTextContents()).toEqual(['Svarskabeloner']);
        const form = page.locator('form.template-form').last();
        await form.getByLabel('Titel (dansk)').fill('Telefontid');
        await form.getByLabel('Titel (engelsk)').fill('Phone hours');
        await form.getByLabel('Tekst (dansk)').fill('Kære {navn}, ring på 70 10 20 30.');
        await form.getByLabel('Tekst (engelsk)').fill('Dear {navn}, call 70 10 20 30.');
        await form.getByRole('button', { name: 'Opret skabelon' }).click();
        await page.locator('tr[data-template="Telefontid"]').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'admin-reply-templates');
      } finally {
        await context.close();
      }
      const names = (await server.as(agent.token).get('/api/v1/reply-templates').expect(200)).body.items.map((x: { name: { en: string } }) => x.name.en);
      expect(names).toContain('Phone hours');
    });
  });

  describe('call-backs', () => {
    /** A caller who found every line busy pressed 1 to be called back, as in the phone channel's own tests. */
    const requestCallback = async () => {
      const callSid = newCallSid();
      await postSigned(server, '/webhooks/twilio/voice/choice?lang=da&topic=ydelser', { CallSid: callSid, From: danishMobile(), Digits: '1' }).expect(200);
      const record = (await server.as(admin).get(`/api/v1/phone/calls/${callSid}`).expect(200)).body;
      const [callback] = (await server.as(admin).get('/api/v1/phone/callbacks').query({ caseId: record.caseId }).expect(200)).body;
      return { caseId: record.caseId as string, callback };
    };

    it('refuses a call-back report without what it needs', async () => {
      const { callback } = await requestCallback();
      const as = server.as(agent.token);
      expect((await as.post(`/api/v1/phone/callbacks/${callback.id}/done`).send({ outcome: 'completed' }).expect(422)).body.message).toContain('durationSeconds is needed');
      expect(JSON.stringify((await as.post(`/api/v1/phone/callbacks/${callback.id}/done`).send({ outcome: 'gave-up', durationSeconds: 10 }).expect(400)).body.message)).toContain('outcome must be one of');
      await as.post(`/api/v1/phone/callbacks/${callback.id}/done`).send({ notes: 'Talte med borgeren' }).expect(422);
      await as.post(`/api/v1/phone/callbacks/${callback.id}/done`).send({ outcome: 'completed', durationSeconds: -1 }).expect(400);
      await server.as(agent.token).get('/api/v1/phone/callbacks').query({ caseId: 'nope' }).expect(400);
      await as.post('/api/v1/phone/callbacks/00000000-0000-4000-8000-000000000000/done').send({ outcome: 'completed', durationSeconds: 10 }).expect(404);
    });

    it('an agent logs the call-back as done from the composer with outcome, duration and notes', async () => {
      const { caseId, callback } = await requestCallback();
      expect(callback).toMatchObject({ caseId });
      const { context, page } = await signIn(browser, server, agent, `/app/cases/${caseId}`);
      try {
        const form = page.locator('form.callback');
        await form.getByText(`ringet op på ${callback.phone}`).waitFor();
        await form.getByLabel('Resultat').selectOption('completed');
        await form.getByLabel('Varighed (minutter)').fill('4');
        await form.getByLabel('Noter fra samtalen').fill('Forklarede reglerne for boligstøtte.');
        await screenshot(page, 'composer-callback');
        await form.getByRole('button', { name: 'Tilbageringning udført' }).click();
        await page.getByRole('status').filter({ hasText: 'Tilbageringningen er registreret.' }).waitFor();
        await page.getByText('Forklarede reglerne for boligstøtte.').waitFor();
      } finally {
        await context.close();
      }
      expect((await server.as(admin).get('/api/v1/phone/callbacks').query({ caseId }).expect(200)).body).toEqual([]);
      const detail = (await server.as(admin).get(`/api/v1/cases/${caseId}`).expect(200)).body;
      expect(detail.contacts).toContainEqual(expect.objectContaining({
        channel: 'phone', direction: 'outbound', durationSeconds: 240, outcome: 'completed', text: 'Forklarede reglerne for boligstøtte.', author: { id: agent.id, name: 'Anna Agent' },
      }));
      await server.as(agent.token).post(`/api/v1/phone/callbacks/${callback.id}/done`).send({}).expect(404);
    });
  });
});
