import type { Browser, BrowserContext } from 'playwright-core';
import { hasChromium, launchChromium, screenshot, seriousViolations } from './support/browser';
import { submitCase, uniqueEmail } from './support/factories';
import { requireOrSkip } from './support/require-or-skip';
import { startServer, TestServer } from './support/test-server';

requireOrSkip(hasChromium, 'Chromium at /usr/bin/chromium (apt-get install chromium)')('the public pages in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
    let context: BrowserContext;

    beforeAll(async () => {
      // The pages forbid scripts by CSP; axe is injected by the test, so the browser is told to allow it.
      context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    });

    afterAll(async () => {
      await context?.close();
    });

    it.each([
      ['contact-form-da', '/contact'],
      ['contact-form-en', '/contact?lang=en'],
    ])('finds no serious or critical violation on %s', async (name, path) => {
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`);
      await screenshot(page, name);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('finds none on the form showing errors', async () => {
      const page = await context.newPage();
      await page.goto(`${server.url}/contact`);
      await page.click('button[type=submit]');
      await page.waitForSelector('.error-summary');
      await screenshot(page, 'contact-form-errors');
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('finds none on the status page with a reply', async () => {
      const submitted = await submitCase(server, { message: 'Hvornår kommer skraldebilen?' });
      await server.as(await server.adminToken()).post(`/api/v1/cases/${submitted.id}/replies`).send({ body: 'Skraldebilen kommer på tirsdag.' });
      const page = await context.newPage();
      await page.goto(submitted.statusUrl);
      await screenshot(page, 'status-page');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  describe('with JavaScript turned off', () => {
    let context: BrowserContext;

    beforeAll(async () => {
      context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    });

    afterAll(async () => {
      await context?.close();
    });

    it('a citizen fills in the form, sends it, follows the status link and adds a message', async () => {
      const page = await context.newPage();
      await page.goto(`${server.url}/contact`);
      await page.getByLabel('Dit navn').fill('Åse Østergård');
      await page.getByLabel('E-mail').fill(uniqueEmail('aase'));
      await page.getByLabel('Emne').selectOption('affald');
      await page.getByLabel('Din besked').fill('Min affaldsspand er ikke blevet tømt i to uger.');
      await page.getByRole('button', { name: 'Send' }).click();

      await page.waitForSelector('.panel');
      await screenshot(page, 'contact-thanks');
      const reference = await page.locator('.panel strong').textContent();
      expect(reference).toMatch(/^K-\d{4}-\d{6}$/);

      await page.locator('.status-link a').click();
      await page.getByLabel('Din besked').fill('Den står ved vejen nu.');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.waitForSelector('[role=status]');

      const messages = await page.locator('ol.messages li').allTextContents();
      expect(messages).toHaveLength(2);
      expect(messages[1]).toContain('Den står ved vejen nu.');
      expect(await page.locator('h1').textContent()).toContain(reference!);
    });
  });
});
