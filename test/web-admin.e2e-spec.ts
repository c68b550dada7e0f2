import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium, screenshot, seriousViolations } from './support/browser';
import { requireOrSkip } from './support/require-or-skip';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, TestServer } from './support/test-server';
import { submitCase } from './support/factories';
import { signIn } from './support/web-app';

jest.setTimeout(120_000);

const ADMIN = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD };
const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'AbCdEf0123456789AbCdEf0123456789';

requireOrSkip(hasChromium, 'Chromium (/usr/bin/chromium)')('the administration screens in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ env: { SECRET_KEY: 'ef'.repeat(32) } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const admin = async () => server.as(await server.adminToken());
  const openTab = async (page: Page, name: string) => {
    await page.getByRole('navigation', { name: 'Administrationsområder' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
  };

  it('an admin edits a user\'s role and languages, and disables a user who then cannot sign in', async () => {
    const editor = await server.createStaff('agent', { name: 'Rikke Rolleskift' });
    const leaver = await server.createStaff('agent', { name: 'Lars Leaver' });
    await server.as(leaver.token).put('/api/v1/me/presence').send({ status: 'available' }).expect(200);
    const { context, page } = await signIn(browser, server, ADMIN, '/app/admin');
    try {
      await page.getByRole('button', { name: 'Rediger Rikke Rolleskift' }).click();
      const form = page.getByRole('form', { name: 'Rediger Rikke Rolleskift' });
      await form.getByLabel('Rolle').selectOption('supervisor');
      await form.getByLabel('Engelsk').check();
      await form.getByRole('button', { name: 'Gem' }).click();
      await form.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();
      await page.locator(`tr[data-user="${editor.email}"]`).getByRole('cell', { name: 'Teamleder' }).waitFor();
      const edited = (await (await admin()).get('/api/v1/users')).body.find((u: { id: string }) => u.id === editor.id);
      expect(edited).toMatchObject({ role: 'supervisor', languages: ['da', 'en'] });

      await page.getByRole('button', { name: 'Deaktiver Lars Leaver' }).click();
      await page.getByRole('status').filter({ hasText: 'Lars Leaver er deaktiveret' }).waitFor();
      await page.locator(`tr[data-user="${leaver.email}"]`).getByText('Deaktiveret').waitFor();
      expect((await server.as(leaver.token).get('/api/v1/me')).status).toBe(401);
      expect((await server.request.post('/api/v1/auth/login').send({ email: leaver.email, password: leaver.password })).status).toBe(403);
      const disabled = (await (await admin()).get('/api/v1/users')).body.find((u: { id: string }) => u.id === leaver.id);
      expect(disabled).toMatchObject({ disabled: true, presence: 'offline' });

      await page.getByRole('button', { name: 'Genaktiver Lars Leaver' }).click();
      await page.getByRole('button', { name: 'Deaktiver Lars Leaver' }).waitFor();
      expect((await server.request.post('/api/v1/auth/login').send({ email: leaver.email, password: leaver.password })).status).toBe(200);
      await screenshot(page, 'web-admin-users');
    } finally {
      await context.close();
    }
  });

  it('an admin sets an agent\'s queue and topic skills, languages and capacity, and routing sees them', async () => {
    const agent = await server.createStaff('agent', { name: 'Signe Skill', languages: ['da'] });
    const { context, page } = await signIn(browser, server, ADMIN, '/app/admin');
    try {
      await openTab(page, 'Færdigheder og kapacitet');
      await page.getByRole('combobox', { name: 'Medarbejder', exact: true }).selectOption({ label: 'Signe Skill (Medarbejder)' });
      const form = page.getByRole('form', { name: 'Færdigheder for Signe Skill' });
      await form.getByLabel('Niveau: Borgerservice').selectOption('4');
      await form.getByLabel('Niveau: Parkering').selectOption('2');
      await form.getByLabel('Engelsk').check();
      await form.getByLabel('Kapacitet: Telefon').fill('0');
      await form.getByLabel('Kapacitet: E-mail').fill('8');
      await form.getByRole('button', { name: 'Gem' }).click();
      await form.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();
      await screenshot(page, 'web-admin-skills');

      const api = await admin();
      expect((await api.get(`/api/v1/routing/agents/${agent.id}/queue-skills`)).body.skills).toEqual([{ queue: 'borgerservice', level: 4 }]);
      const user = (await api.get('/api/v1/users')).body.find((u: { id: string }) => u.id === agent.id);
      expect(user).toMatchObject({ languages: ['da', 'en'], skills: [{ topic: 'parkering', level: 2 }], capacity: expect.objectContaining({ phone: 0, email: 8 }) });
      const routed = (await api.get('/api/v1/routing/stats')).body.agents.find((a: { id: string }) => a.id === agent.id);
      expect(routed.capacity).toMatchObject({ phone: 0, email: 8 });
    } finally {
      await context.close();
    }
  });

  it('an admin edits a queue\'s business hours and overflow queue', async () => {
    const { context, page } = await signIn(browser, server, ADMIN, '/app/admin/queues');
    try {
      await page.getByRole('heading', { level: 2, name: 'Køer og åbningstider' }).waitFor();
      await page.getByRole('combobox', { name: 'Kø', exact: true }).selectOption('borgerservice');
      const form = page.getByRole('form', { name: 'Indstillinger for borgerservice' });
      await form.getByLabel('Overløbskø').selectOption('teknik-og-miljoe');
      const always = form.getByLabel('Åben hele døgnet');
      if (await always.isChecked()) await always.uncheck();
      for (const day of ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag']) await form.getByLabel(day).fill('');
      await form.getByLabel('Mandag').fill('08:00-12:00, 13:00-15:30');
      await form.getByLabel('Fredag').fill('09:00-13:00');
      await form.getByLabel('Svarfrist: SMS').fill('90');
      await form.getByText('Danske helligdage').waitFor();

      await form.getByLabel('Tirsdag').fill('om morgenen');
      await form.getByRole('button', { name: 'Gem' }).click();
      await form.getByRole('status').filter({ hasText: 'Tirsdag: skriv tidsrum' }).waitFor();
      await form.getByLabel('Tirsdag').fill('16:00-08:00');
      await form.getByRole('button', { name: 'Gem' }).click();
      await form.getByRole('status').filter({ hasText: 'opening before the closing time' }).waitFor();
      await form.getByLabel('Tirsdag').fill('');
      await form.getByRole('button', { name: 'Gem' }).click();
      await form.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();
      await screenshot(page, 'web-admin-queues');

      const settings = (await (await admin()).get('/api/v1/routing/queues')).body.find((s: { queue: string }) => s.queue === 'borgerservice');
      expect(settings).toMatchObject({
        overflowQueue: 'teknik-og-miljoe',
        businessHours: { 1: [['08:00', '12:00'], ['13:00', '15:30']], 5: [['09:00', '13:00']] },
        firstResponseMinutes: { sms: 90 },
      });
      expect(Object.keys(settings.businessHours)).toEqual(['1', '5']);
    } finally {
      await context.close();
    }
  });

  it('a manager sets a channel unit cost from a date, and the cost API reflects it; the manager sees no other admin screen', async () => {
    const manager = await server.createStaff('manager', { name: 'Mette Manager' });
    const { context, page } = await signIn(browser, server, manager, '/app/admin');
    try {
      await page.getByRole('heading', { level: 2, name: 'Kanalpriser' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Administrationsområder' }).getByRole('link').allTextContents()).toEqual(['Kanalpriser']);
      await page.getByRole('combobox', { name: 'Kanal', exact: true }).selectOption('sms');
      await page.getByLabel('Gælder fra').fill('2026-01-01');
      await page.getByLabel('Pris pr. henvendelse (DKK)').fill('abc');
      await page.getByLabel('Personaleomkostning pr. time (DKK)').fill('410');
      await page.getByRole('button', { name: 'Tilføj pris' }).click();
      await page.getByRole('status').filter({ hasText: 'Skriv beløbene i kroner' }).waitFor();
      await page.getByLabel('Pris pr. henvendelse (DKK)').fill('1,25');
      await page.getByRole('button', { name: 'Tilføj pris' }).click();
      await page.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();
      await page.locator('tr[data-channel="sms"]').getByText('2026-01-01').waitFor();
      await screenshot(page, 'web-admin-costs');

      const costs = await server.as(manager.token).get('/api/v1/channel-costs');
      expect(costs.body.costs).toContainEqual({ channel: 'sms', effectiveFrom: '2026-01-01', unitCostMinor: 125, staffCostPerHourMinor: 41000 });
      expect((await server.as(manager.token).get('/api/v1/users')).status).toBe(403);
    } finally {
      await context.close();
    }
  });

  it('an admin sets up the Twilio account without ever seeing the token again, a menu key and an agent\'s phone', async () => {
    const agent = await server.createStaff('agent', { name: 'Tina Telefon' });
    const { context, page } = await signIn(browser, server, ADMIN, '/app/admin/phone');
    try {
      await page.getByTestId('twilio-status').filter({ hasText: 'Ikke opsat' }).waitFor();
      await page.getByLabel('Account SID').fill(ACCOUNT_SID);
      await page.getByLabel('Auth token').fill(AUTH_TOKEN);
      await page.getByLabel('Kommunens Twilio-nummer').fill('+4570123456');
      await page.getByRole('button', { name: 'Gem konto' }).click();
      await page.getByTestId('twilio-status').filter({ hasText: ACCOUNT_SID }).waitFor();
      await expect(page.getByLabel('Auth token').inputValue()).resolves.toBe('');

      await page.getByLabel('Tast 3').selectOption('parkering');
      await page.getByRole('button', { name: 'Gem menu' }).click();
      await page.locator('form').filter({ has: page.getByLabel('Tast 3') }).getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();

      await page.getByRole('combobox', { name: 'Medarbejder', exact: true }).selectOption({ label: 'Tina Telefon' });
      await page.getByLabel('Nummer eller client:navn').fill('+4520123456');
      await page.getByRole('button', { name: 'Gem', exact: true }).click();
      await page.getByRole('cell', { name: '+4520123456' }).waitFor();
      await page.reload();
      await page.getByTestId('twilio-status').filter({ hasText: ACCOUNT_SID }).waitFor();
      expect(await page.content()).not.toContain(AUTH_TOKEN);
      await screenshot(page, 'web-admin-phone');

      const api = await admin();
      expect((await api.get('/api/v1/phone/account')).body).toMatchObject({ configured: true, accountSid: ACCOUNT_SID, phoneNumber: '+4570123456' });
      expect((await api.get('/api/v1/phone/ivr-menu')).body).toContainEqual(expect.objectContaining({ digit: 3, topic: 'parkering' }));
      expect((await api.get('/api/v1/phone/endpoints')).body).toContainEqual({ userId: agent.id, name: 'Tina Telefon', endpoint: '+4520123456' });
    } finally {
      await context.close();
    }
  });

  it('an admin lists a queue\'s direct line, changes its label, queue and kinds, and removes it', async () => {
    const { context, page } = await signIn(browser, server, ADMIN, '/app/admin/phone');
    try {
      const add = page.getByRole('form', { name: 'Tilføj nummer' });
      await add.getByLabel('Nummer', { exact: true }).fill('70 20 30 40');
      await add.getByLabel('Betegnelse').fill('Teknik og miljø, direkte');
      await add.getByLabel('Direkte linje til kø').selectOption({ label: 'Teknik og miljø' });
      await add.getByLabel('Opkald').uncheck();
      await add.getByLabel('Sms').uncheck();
      await add.getByRole('button', { name: 'Tilføj nummer' }).click();
      await add.getByRole('status').filter({ hasText: 'Vælg opkald, sms eller begge.' }).waitFor();
      await add.getByLabel('Sms').check();
      await add.getByRole('button', { name: 'Tilføj nummer' }).click();
      const row = page.locator('tr[data-number="+4570203040"]');
      await row.getByRole('cell', { name: 'Teknik og miljø', exact: true }).waitFor();
      await row.getByRole('cell', { name: 'Sms', exact: true }).waitFor();

      const duplicate = page.getByRole('form', { name: 'Tilføj nummer' });
      await duplicate.getByLabel('Nummer', { exact: true }).fill('+4570203040');
      await duplicate.getByLabel('Betegnelse').fill('Igen');
      await duplicate.getByRole('button', { name: 'Tilføj nummer' }).click();
      await duplicate.getByRole('status').filter({ hasText: '+4570203040 is already listed' }).waitFor();
      await screenshot(page, 'web-admin-phone-numbers');

      await page.getByRole('button', { name: 'Rediger +4570203040' }).click();
      const edit = page.getByRole('form', { name: 'Rediger +4570203040' });
      await edit.getByLabel('Betegnelse').fill('Teknik');
      await edit.getByLabel('Direkte linje til kø').selectOption({ label: 'Ingen (hovednummer)' });
      await edit.getByLabel('Opkald').check();
      await edit.getByRole('button', { name: 'Gem', exact: true }).click();
      await row.getByRole('cell', { name: 'Opkald, Sms' }).waitFor();
      await row.getByRole('cell', { name: 'Ingen (hovednummer)' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      const api = await admin();
      expect((await api.get('/api/v1/phone/numbers')).body).toEqual([expect.objectContaining({ number: '+4570203040', label: 'Teknik', queue: null, kinds: ['voice', 'sms'] })]);

      await page.getByRole('button', { name: 'Fjern +4570203040' }).click();
      await row.waitFor({ state: 'detached' });
      expect((await api.get('/api/v1/phone/numbers')).body).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an admin sees a mailbox\'s state and pauses and resumes it, its other settings kept', async () => {
    const api = await admin();
    const created = await api.post('/api/v1/email/mailboxes').send({
      name: 'byggeri', address: 'byggeri@kommune.test', imapHost: '127.0.0.1', imapPort: 1, imapTls: false, imapUser: 'byggeri', imapSecret: 'hemmelig',
      smtpHost: '127.0.0.1', smtpPort: 1, smtpTls: false, smtpUser: 'byggeri', smtpSecret: 'ogsaa-hemmelig',
    }).expect(201);
    const { context, page } = await signIn(browser, server, ADMIN, '/app/admin/mailboxes');
    try {
      const row = page.locator('tr[data-mailbox="byggeri"]');
      await row.getByText('byggeri@kommune.test').waitFor();
      await page.getByRole('button', { name: 'Sæt på pause: byggeri' }).click();
      await row.getByText('Sat på pause').waitFor();
      expect((await api.get('/api/v1/email/mailboxes')).body.find((m: { id: string }) => m.id === created.body.id)).toMatchObject({ active: false, smtpUser: 'byggeri' });
      await page.getByRole('button', { name: 'Genoptag byggeri' }).click();
      await page.getByRole('button', { name: 'Sæt på pause: byggeri' }).waitFor();
      await screenshot(page, 'web-admin-mailboxes');
      expect((await api.get('/api/v1/email/mailboxes')).body.find((m: { id: string }) => m.id === created.body.id).active).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('an admin adds a mailbox in the browser and changes it later without typing its password again', async () => {
    const api = await admin();
    const { context, page } = await signIn(browser, server, ADMIN, '/app/admin/mailboxes');
    try {
      const add = page.getByRole('form', { name: 'Tilføj postkasse' });
      await add.getByLabel('Kort navn').fill('Forkert Navn');
      await add.getByLabel('E-mail').fill('skole@kommune.test');
      await add.getByLabel('IMAP-server').fill('imap.kommune.test');
      await add.getByLabel('IMAP-bruger').fill('skole');
      await add.getByLabel('IMAP-adgangskode eller token').fill('imap-hemmelig');
      await add.getByLabel('SMTP-server').fill('smtp.kommune.test');
      await add.getByRole('button', { name: 'Tilføj postkasse' }).click();
      // the browser refuses the name by its pattern before anything is sent
      expect((await api.get('/api/v1/email/mailboxes')).body.some((m: { address: string }) => m.address === 'skole@kommune.test')).toBe(false);
      await add.getByLabel('Kort navn').fill('skole');
      await add.getByRole('combobox', { name: 'Emne for al post herfra' }).selectOption('parkering');
      await add.getByRole('button', { name: 'Tilføj postkasse' }).click();
      await page.locator('tr[data-mailbox="skole"]').waitFor();
      const stored = () => api.get('/api/v1/email/mailboxes').then((r) => r.body.find((m: { name: string }) => m.name === 'skole'));
      expect(await stored()).toMatchObject({ address: 'skole@kommune.test', imapHost: 'imap.kommune.test', imapPort: 993, imapTls: true, folder: 'INBOX', smtpPort: 587, topic: 'parkering', active: true });
      expect(JSON.stringify(await stored())).not.toContain('imap-hemmelig');

      await page.getByRole('button', { name: 'Rediger postkassen skole' }).click();
      const edit = page.getByRole('form', { name: 'Rediger postkassen skole' });
      expect(await edit.getByLabel('IMAP-adgangskode eller token').inputValue()).toBe('');
      await edit.getByLabel('Mappe', { exact: true }).fill('Skole');
      await edit.getByRole('combobox', { name: 'Emne for al post herfra' }).selectOption('');
      await edit.getByRole('button', { name: 'Gem' }).click();
      await edit.waitFor({ state: 'detached' });
      expect(await stored()).toMatchObject({ folder: 'Skole', topic: null, imapHost: 'imap.kommune.test' });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an admin creates a topic that intake then classifies by, moves another topic to a new queue and switches it off', async () => {
    const api = await admin();
    const { context, page } = await signIn(browser, server, ADMIN, '/app/admin/topics');
    try {
      const form = page.getByRole('form', { name: 'Nyt emne' });
      await form.getByLabel('Kort navn').fill('skadedyr');
      await form.getByLabel('Navn (dansk)').fill('Skadedyr');
      await form.getByLabel('Navn (engelsk)').fill('Pests');
      await form.getByRole('combobox', { name: 'Kø' }).selectOption('teknik-og-miljoe');
      await form.getByRole('combobox', { name: 'Prioritet' }).selectOption('3');
      await form.getByLabel('Nøgleord').fill('rotter, mus, skadedyr');
      await form.getByRole('button', { name: 'Opret emne' }).click();
      await page.locator('tr[data-topic="skadedyr"]').waitFor();
      const topic = (slug: string) => api.get('/api/v1/topics').then((r) => r.body.find((x: { slug: string }) => x.slug === slug));
      expect(await topic('skadedyr')).toMatchObject({ nameDa: 'Skadedyr', nameEn: 'Pests', queueSlug: 'teknik-og-miljoe', priority: 3, keywords: ['rotter', 'mus', 'skadedyr'], active: true });
      const submitted = await submitCase(server, { subject: 'Rotter i gården', message: 'Der er rotter i gården bag Skolegade 4.' });
      expect((await api.get(`/api/v1/cases/${submitted.id}`).expect(200)).body).toMatchObject({ topic: 'skadedyr', queue: 'teknik-og-miljoe' });

      const row = page.locator('tr[data-topic="parkering"]');
      await row.getByRole('combobox', { name: 'Kø: Parkering' }).selectOption('borgerservice');
      await row.getByRole('checkbox', { name: 'Aktiv: Parkering' }).uncheck();
      await row.getByRole('button', { name: 'Gem' }).click();
      await row.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();
      expect(await topic('parkering')).toMatchObject({ queueSlug: 'borgerservice', active: false });
      await form.getByLabel('Kort navn').fill('skadedyr');
      await form.getByLabel('Navn (dansk)').fill('Skadedyr igen');
      await form.getByLabel('Navn (engelsk)').fill('Pests again');
      await form.getByRole('button', { name: 'Opret emne' }).click();
      await form.getByRole('status').filter({ hasText: 'Noget gik galt: A topic with slug skadedyr already exists' }).waitFor();
      await screenshot(page, 'web-admin-topics');
    } finally {
      await context.close();
    }
  });

  describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
    it.each([
      ['users', 'Brugere og roller'],
      ['skills', 'Færdigheder og kapacitet'],
      ['queues', 'Køer og åbningstider'],
      ['topics', 'Emner og nøgleord'],
      ['phone', 'Telefonnumre og telefonmenu'],
      ['costs', 'Kanalpriser'],
      ['mailboxes', 'Postkasser'],
    ])('finds no serious or critical violation on the %s screen', async (tab, heading) => {
      const { context, page } = await signIn(browser, server, ADMIN, `/app/admin/${tab}`);
      try {
        await page.getByRole('heading', { level: 2, name: heading }).waitFor();
        if (tab === 'skills') {
          await page.getByRole('combobox', { name: 'Medarbejder', exact: true }).selectOption({ label: 'Administrator (Administrator)' });
          await page.getByRole('form', { name: 'Færdigheder for Administrator' }).waitFor();
        }
        if (tab === 'users') await page.getByRole('button', { name: 'Rediger Administrator' }).click();
        await page.waitForLoadState('networkidle');
        await screenshot(page, `web-admin-${tab}-screen`);
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
