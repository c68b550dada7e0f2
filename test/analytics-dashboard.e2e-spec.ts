import type { Browser, BrowserContext } from 'playwright-core';
import { History, waitForRollups } from './support/analytics-factories';
import { hasChromium, launchChromium, screenshot, seriousViolations } from './support/browser';
import { requireOrSkip } from './support/require-or-skip';
import { StaffMember, startServer, TestServer } from './support/test-server';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

/** Six months in which demand moves from phone and post to the web form: 20 contacts a month. */
async function shiftingDemand(history: History): Promise<void> {
  for (const [i, month] of MONTHS.entries()) {
    const online = 4 + i * 3;
    for (let n = 0; n < 20; n++) {
      const channel = n < online ? (n % 3 === 0 ? 'email' : 'webform') : n % 2 === 0 ? 'phone' : 'post';
      const at = `${month}-${String(1 + n).padStart(2, '0')}T09:00:00Z`;
      const id = await history.case({ channel, createdAt: at, topic: n % 4 === 0 ? 'affald' : 'generelt', status: 'assigned', slaDueAt: `${month}-${String(2 + n).padStart(2, '0')}T09:00:00Z` });
      await history.contact(id, { channel, occurredAt: at, durationSeconds: channel === 'phone' ? 240 : undefined });
      if (n % 3 !== 2) await history.transition(id, 'assigned', 'resolved', `${month}-${String(1 + n).padStart(2, '0')}T${String(10 + (n % 8)).padStart(2, '0')}:00:00Z`);
    }
  }
}

requireOrSkip(hasChromium, 'Chromium at /usr/bin/chromium (apt-get install chromium)')('the manager dashboard in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let manager: StaffMember;

  beforeAll(async () => {
    server = await startServer({ env: { ANALYTICS_FOLD_SECONDS: '1' } });
    manager = await server.createStaff('manager');
    const history = await History.open(server);
    await shiftingDemand(history);
    await history.close();
    await waitForRollups(server, manager.token);
    browser = await launchChromium();
    // axe is injected by the test; the page itself allows no script
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const login = await context.request.post(`${server.url}/api/v1/auth/login`, { data: { email: manager.email, password: manager.password } });
    expect(login.status()).toBe(200);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const dashboard = '/reports/channel-costs?from=2026-02-01&to=2026-06-30&groupBy=month&baselineFrom=2026-01-01&baselineTo=2026-01-31';

  it('shows cost, mix and savings with charts, tables, exports and the savings formula', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}${dashboard}`);
    await page.waitForSelector('svg[role=img]');
    expect(await page.locator('svg[role=img]').count()).toBe(3);
    expect(await page.locator('svg[role=img] rect').count()).toBeGreaterThan(20);
    expect(await page.locator('h1').textContent()).toBe('Kanalomkostninger og service');
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(6);
    expect(await page.textContent('body')).toContain('Besparelse = Σ over dage');
    expect(await page.locator('a[href*="format=xlsx"]').count()).toBe(1);
    await screenshot(page, 'analytics-dashboard-da');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('follows the form to another grouping and language', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}${dashboard}&lang=en`);
    await page.selectOption('select[name=groupBy]', 'week');
    await Promise.all([page.waitForURL(/groupBy=week/), page.click('button[type=submit]')]);
    expect(await page.locator('h1').textContent()).toBe('Channel costs and service');
    expect(await page.textContent('body')).toContain('Savings = Σ over days');
    await screenshot(page, 'analytics-dashboard-en-weeks');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('exports the channel table from the page link as CSV with the session cookie', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}${dashboard}`);
    const href = await page.locator('a[href*="table=channels"]').getAttribute('href');
    const csv = await context.request.get(`${server.url}${href}`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^\uFEFF?period,channel,contacts/);
  });

  it('is closed to signed-out visitors', async () => {
    expect((await server.request.get(dashboard)).status).toBe(401);
  });
});
