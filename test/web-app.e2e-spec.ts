import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium, screenshot, seriousViolations } from './support/browser';
import { Dovecot, hasDovecot, startDovecot } from './support/dovecot';
import { caseByText, eventually, rawEmail } from './support/email-factories';
import { submitCase, submitWebform, uniqueEmail } from './support/factories';
import { requireOrSkip } from './support/require-or-skip';
import { startSmtpCapture, SmtpCapture } from './support/smtp-capture';
import { ADMIN_EMAIL, ADMIN_PASSWORD, StaffMember, startServer, TestServer } from './support/test-server';
import { caseIdOf, caseRow, setPresence, signIn } from './support/web-app';

jest.setTimeout(120_000);

const MAIL_FROM = 'borgerservice@kommune.test';

requireOrSkip(hasChromium && hasDovecot, 'Chromium (/usr/bin/chromium) and Dovecot (/usr/sbin/dovecot)')('the staff web app in a real browser', () => {
  let dovecot: Dovecot;
  let smtp: SmtpCapture;
  let server: TestServer;
  let browser: Browser;
  let supervisor: StaffMember;

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpCapture()]);
    server = await startServer({
      env: {
        IMAP_URL: dovecot.imapUrl(), SMTP_URL: smtp.url, MAIL_FROM: `Borgerservice <${MAIL_FROM}>`, SECRET_KEY: 'cd'.repeat(32),
        MAIL_POLL_SECONDS: '1', ROUTING_SWEEP_SECONDS: '1', ROUTING_PRESENCE_GRACE_SECONDS: '1',
      },
    });
    browser = await launchChromium();
    supervisor = await server.createStaff('supervisor', { name: 'Søren Supervisor' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all([dovecot?.destroy(), smtp?.stop()]);
  });

  /** An agent skilled on every default queue, so whatever topic intake picks, the case is offered to them. */
  const newAgent = async (name: string) => {
    const member = await server.createStaff('agent', { name, languages: ['da', 'en'] });
    const skills = ['borgerservice', 'teknik-og-miljoe', 'social-og-sundhed', 'boern-og-unge'].map((queue) => ({ queue, level: 3 }));
    const response = await server.as(await server.adminToken()).put(`/api/v1/routing/agents/${member.id}/queue-skills`).send({ skills });
    if (response.status !== 200) throw new Error(`queue skills answered ${response.status}: ${response.text}`);
    return member;
  };

  it('serves the built app under /app with a fallback to index.html for the app\'s own routes', async () => {
    const root = await server.request.get('/app');
    expect(root.status).toBe(200);
    expect(root.headers['content-security-policy']).toContain("script-src 'self'");
    const deep = await server.request.get('/app/cases/00000000-0000-4000-8000-000000000000');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<div id="root">');
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(root.text)![1];
    const asset = await server.request.get(script);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('refuses a resolution without a known outcome code, leaving the case as it was', async () => {
    const submitted = await submitCase(server, { message: 'Et spørgsmål om affald.' });
    const admin = await server.adminToken();
    const bad = await server.as(admin).post(`/api/v1/cases/${submitted.id}/resolution`).send({ outcome: 'gave-up' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('outcome must be one of answered, referred, no_action, duplicate');
    const detail = await server.as(admin).get(`/api/v1/cases/${submitted.id}`);
    expect(detail.body.status).not.toBe('resolved');
    expect((await server.as(admin).get(`/api/v1/cases/${submitted.id}/resolution`)).body).toEqual([]);

    const good = await server.as(admin).post(`/api/v1/cases/${submitted.id}/resolution`).send({ outcome: 'duplicate' });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ status: 'resolved', resolutions: [{ outcome: 'duplicate' }] });
  });

  it('an agent signs in, goes available, accepts an offered web-form case with the keyboard, replies by email and resolves it', async () => {
    const agent = await newAgent('Anna Agent');
    const { context, page } = await signIn(browser, server, agent);
    try {
      await setPresence(page, 'available');
      const citizen = uniqueEmail('karen');
      const submitted = await submitWebform(server, { name: 'Karen Hansen', email: citizen, subject: 'Storskrald på Åvej', message: 'Hvornår henter I storskrald på Åvej?' });

      const offer = page.getByRole('alertdialog', { name: 'Ny sag tilbudt' });
      await offer.waitFor();
      await expect(offer.textContent()).resolves.toContain(submitted.reference);
      await expect(offer.textContent()).resolves.toMatch(/\d+ sek\. tilbage/);
      await screenshot(page, 'web-offer');
      await page.keyboard.press('a');

      await page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: new RegExp(submitted.reference) }).waitFor();
      await expect(page.getByTestId('case-status').textContent()).resolves.toBe('Tildelt');

      await page.getByLabel('Svar via').selectOption('email');
      await page.getByLabel('Besked').fill('Storskrald hentes på torsdag.');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('status').filter({ hasText: 'Sendt.' }).waitFor();
      const sent = await smtp.waitFor((m) => m.envelope.to.includes(citizen) && m.parsed.text?.includes('Storskrald hentes på torsdag.') === true);
      expect(sent.parsed.subject).toContain(submitted.reference);
      await page.getByText('Storskrald hentes på torsdag.').first().waitFor();
      await screenshot(page, 'web-case-view');

      await page.getByLabel('Udfald').selectOption('answered');
      await page.getByRole('button', { name: 'Afslut sagen' }).click();
      await page.getByTestId('case-status').filter({ hasText: 'Afsluttet' }).waitFor();
      await page.getByTestId('case-outcome').filter({ hasText: 'Besvaret' }).waitFor();
      const caseId = new URL(page.url()).pathname.split('/').pop();
      const resolutions = await server.as(agent.token).get(`/api/v1/cases/${caseId}/resolution`);
      expect(resolutions.body).toEqual([expect.objectContaining({ outcome: 'answered', by: { id: agent.id, name: 'Anna Agent' } })]);

      await page.getByRole('button', { name: 'Genåbn' }).click();
      await page.getByTestId('case-status').filter({ hasText: 'Tildelt' }).waitFor();

      await page.setViewportSize({ width: 820, height: 1180 });
      await screenshot(page, 'web-case-view-tablet');
    } finally {
      await context.close();
    }
  });

  it('rejects an offer with R, and the inbox lists the agent\'s cases with search and a switch to English', async () => {
    const agent = await newAgent('Bo Agent');
    const { context, page } = await signIn(browser, server, agent);
    try {
      await setPresence(page, 'available');
      const first = await submitWebform(server, { subject: 'Parkeringstilladelse', message: 'Jeg skal bruge en parkeringstilladelse til min bil.' });
      await page.getByRole('alertdialog').filter({ hasText: first.reference }).waitFor();
      await page.keyboard.press('r');
      await page.getByRole('alertdialog').filter({ hasText: first.reference }).waitFor({ state: 'detached' });

      await setPresence(page, 'away');
      await expect(page.getByLabel('Årsag').inputValue()).resolves.toBe('Pause');
      const mine = await submitCase(server, { subject: 'Hundeskat', message: 'Hvordan betaler jeg hundeskat for min gravhund?' });
      await server.as(supervisor.token).post(`/api/v1/cases/${mine.id}/assign`).send({ assigneeId: agent.id });
      await caseRow(page, mine.reference).waitFor();

      // the rejected case goes back to the queue; resolve it so no later agent is offered it
      await server.as(await server.adminToken()).post(`/api/v1/cases/${await caseIdOf(server, first.reference)}/resolution`).send({ outcome: 'referred' });

      await page.evaluate('document.activeElement && document.activeElement.blur()');
      await page.keyboard.press('/');
      await page.keyboard.type('gravhund');
      await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('gravhund');
      await caseRow(page, mine.reference).waitFor();
      await page.getByLabel('Sprog').selectOption('en');
      await page.getByRole('tab', { name: 'My cases' }).waitFor();
      await screenshot(page, 'web-inbox-english');
    } finally {
      await context.close();
    }
  });

  it('agent and supervisor in two browsers see each other\'s changes live', async () => {
    const agent = await newAgent('Carla Agent');
    const agentApp = await signIn(browser, server, agent);
    const supervisorApp = await signIn(browser, server, supervisor, '/app/wallboard');
    try {
      const wallboard = supervisorApp.page;
      await wallboard.getByRole('heading', { name: /Overblik/ }).waitFor();
      const agentPresence = wallboard.getByTestId(`presence-${agent.id}`);
      await agentPresence.filter({ hasText: 'Offline' }).waitFor();

      await setPresence(agentApp.page, 'available');
      await agentPresence.filter({ hasText: 'Ledig' }).waitFor();
      await screenshot(wallboard, 'web-wallboard-live');

      const inbox = await supervisorApp.context.newPage();
      await inbox.goto(`${server.url}/app`);
      const submitted = await submitWebform(server, { subject: 'Vejbelysning', message: 'Gadelampen på Skovvej er gået ud.' });
      await caseRow(inbox, submitted.reference).waitFor();

      const offer = agentApp.page.getByRole('alertdialog').filter({ hasText: submitted.reference });
      await offer.getByRole('button', { name: 'Tag sagen' }).click();
      await agentApp.page.waitForURL(/\/app\/cases\//);
      await caseRow(inbox, submitted.reference).filter({ hasText: 'Carla Agent' }).waitFor();

      await inbox.getByRole('link', { name: new RegExp(submitted.reference) }).click();
      await inbox.getByLabel('Overfør til kø').selectOption({ index: 1 });
      await inbox.getByRole('button', { name: 'Overfør' }).click();
      // back in a queue: the router may offer it again at once, so either state shows the transfer reached the agent
      await agentApp.page.getByTestId('case-status').filter({ hasText: /I kø|Tilbudt/ }).waitFor();
    } finally {
      await agentApp.context.close();
      await supervisorApp.context.close();
    }
  });

  it("an agent records the postal address of a citizen known only by email from the case's citizen panel", async () => {
    const agent = await server.createStaff('agent', { name: 'Anna Adresse' });
    const submitted = await submitCase(server, { email: uniqueEmail('kun-mail'), message: 'Svar mig gerne med et brev.' });
    const { context, page } = await signIn(browser, server, agent, `/app/cases/${submitted.id}`);
    try {
      await page.getByRole('heading', { name: new RegExp(submitted.reference) }).waitFor();
      await page.getByRole('button', { name: 'Ret postadresse' }).click();
      await page.getByLabel('Navn på brevet').fill('Karen Hansen');
      await page.getByLabel('Vej og husnummer (evt. etage og side)').fill('Skolegade  3, 1. th.');
      await page.getByLabel('Postnummer').fill('8660');
      await page.getByLabel('By').fill('Skanderborg');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByRole('status').filter({ hasText: 'Adressen er gemt' }).waitFor();
      await page.getByText('skolegade 3, 1. th., 8660 skanderborg').waitFor();
    } finally {
      await context.close();
    }
  });

  it('an admin creates a staff user and edits a topic\'s keywords in the administration screen', async () => {
    const { context, page } = await signIn(browser, server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, '/app/admin');
    try {
      const email = uniqueEmail('ny-medarbejder');
      await page.getByLabel('Navn').fill('Nina Ny');
      await page.getByLabel('E-mail', { exact: true }).fill(email);
      await page.getByLabel('Adgangskode').fill('Lang-Nok-Adgangskode-1');
      await page.getByLabel('Rolle').selectOption('supervisor');
      await page.getByRole('button', { name: 'Opret bruger' }).click();
      await page.getByRole('cell', { name: email }).waitFor();
      expect(await server.login(email, 'Lang-Nok-Adgangskode-1')).toEqual(expect.any(String));

      await page.getByRole('link', { name: 'Emner og nøgleord' }).click();
      const keywords = page.getByLabel('Nøgleord: Parkering');
      await keywords.fill('parkering, p-plads, p-skive');
      await page.locator('tr[data-topic="parkering"]').getByRole('button', { name: 'Gem' }).click();
      await page.locator('tr[data-topic="parkering"]').getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();
      const topics = await server.as(await server.adminToken()).get('/api/v1/topics');
      expect(topics.body.find((x: { slug: string }) => x.slug === 'parkering').keywords).toEqual(['parkering', 'p-plads', 'p-skive']);
    } finally {
      await context.close();
    }
  });

  describe('an email with a script in it', () => {
    let probe: Server;
    const probed: string[] = [];
    let probeUrl: string;

    beforeAll(async () => {
      probe = createServer((request, response) => {
        probed.push(request.url ?? '');
        response.end();
      });
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      probeUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise((resolve) => probe.close(resolve));
    });

    it('never runs: no dialog and no request from the shown email, whose frame is sandboxed without scripts', async () => {
      const key = `xss${Date.now()}`;
      const html = [
        `<p>Hej ${key}</p>`,
        `<script>alert('script'); fetch('${probeUrl}/script')</script>`,
        `<img src="x" onerror="alert('onerror'); fetch('${probeUrl}/onerror')">`,
        `<a href="javascript:alert('link')">klik</a>`,
        `<img src="${probeUrl}/remote-image.png" alt="billede">`,
        `<div style="background-image: url('${probeUrl}/css-image.png'); height: 20px">baggrund</div>`,
        `<object data="${probeUrl}/object"></object><iframe src="${probeUrl}/frame"></iframe>`,
      ].join('\r\n');
      await dovecot.append(rawEmail({ subject: `Farlig post ${key}`, text: html, headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
      const opened = await eventually(() => caseByText(server, supervisor.token, key), 'the HTML email as a case', 30_000);

      const { context, page } = await signIn(browser, server, supervisor, `/app/cases/${opened.id}`);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      try {
        const frame = page.locator('iframe[title^="E-mailens indhold"]');
        await frame.waitFor();
        expect(await frame.getAttribute('sandbox')).toBe('');
        await page.frameLocator('iframe[title^="E-mailens indhold"]').getByText(`Hej ${key}`).waitFor();
        await page.waitForTimeout(1_500);
        expect(dialogs).toEqual([]);
        expect(probed).toEqual([]);
        await screenshot(page, 'web-email-sandboxed');
        expect(await seriousViolations(page)).toEqual([]);

        expect(dialogs).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });

  describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
    it.each([
      ['inbox', '/app', 'a[data-reference]'],
      ['wallboard', '/app/wallboard', 'tr[data-queue="borgerservice"]'],
      ['admin', '/app/admin', `td:text-is("${ADMIN_EMAIL}")`],
    ])('finds no serious or critical violation on the %s', async (name, path, ready) => {
      const admin = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD };
      await submitCase(server, { subject: 'Tilgængelighed', message: 'En sag så listen ikke er tom.' });
      const { context, page } = await signIn(browser, server, admin, path);
      try {
        await page.locator(ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        await screenshot(page, `web-${name}`);
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('finds none on the case view', async () => {
      const submitted = await submitCase(server, { subject: 'Byggetilladelse', message: 'Skal jeg have tilladelse til en carport?' });
      const { context, page } = await signIn(browser, server, supervisor, `/app/cases/${submitted.id}`);
      try {
        await page.getByRole('heading', { name: new RegExp(submitted.reference) }).waitFor();
        await page.getByRole('heading', { name: 'Svar' }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
