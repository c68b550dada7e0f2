'use strict';
/**
 * The inbox in Debian's Chromium (playwright-core): milliseconds from navigation start until the first
 * case row is on screen and clickable, and the rows actually in the DOM after scrolling deep into the list.
 */
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
}

/**
 * A tab of a staff member who signed in before: the app keeps the token and the staff member in
 * localStorage, so both are placed there before the app loads, as a reload would find them.
 */
async function signedInPage(browser, url, token) {
  const me = await (await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(([t, m]) => {
    localStorage.setItem('kontakt.token', t);
    localStorage.setItem('kontakt.me', m);
  }, [token, JSON.stringify(me)]);
  return { context, page: await context.newPage() };
}

/**
 * Milliseconds from navigation start (performance.timeOrigin of the tab, so starting the browser and
 * the context is not counted) until the first row is clickable, with where the time went: the HTML,
 * the app's script, the first GET /cases request (start and end) and the first row painted.
 */
async function firstPageInteractive(browser, url, token) {
  const { context, page } = await signedInPage(browser, url, token);
  try {
    await page.goto(`${url}/app`);
    await page.locator('a[data-reference]').first().waitFor({ state: 'visible' });
    // one frame later the row has painted and its click handler is attached
    return await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => {
      const interactive = performance.now();
      const [navigation] = performance.getEntriesByType('navigation');
      const resources = performance.getEntriesByType('resource');
      const script = resources.find((r) => r.initiatorType === 'script' && /\/assets\/index-.*\.js$/.test(r.name));
      const list = resources.find((r) => /\/api\/v1\/cases\?/.test(r.name));
      resolve({
        ms: interactive,
        htmlMs: navigation.responseEnd,
        scriptLoadedMs: script ? script.responseEnd : null,
        domContentLoadedMs: navigation.domContentLoadedEventEnd,
        listRequestStartMs: list ? list.startTime : null,
        listResponseEndMs: list ? list.responseEnd : null,
      });
    })));
  } finally {
    await context.close();
  }
}

async function firstPageInteractiveMs(browser, url, token) {
  return (await firstPageInteractive(browser, url, token)).ms;
}

async function searchMs(browser, url, token, word) {
  const { context, page } = await signedInPage(browser, url, token);
  try {
    await page.goto(`${url}/app`);
    await page.locator('a[data-reference]').first().waitFor();
    const started = Date.now();
    await page.getByRole('searchbox').fill(word);
    await page.waitForResponse((r) => r.url().includes(`text=${encodeURIComponent(word)}`) && r.status() === 200);
    await page.locator('a[data-reference]').first().waitFor();
    return Date.now() - started;
  } finally {
    await context.close();
  }
}

async function deepScroll(browser, url, token, rowsWanted) {
  const { context, page } = await signedInPage(browser, url, token);
  try {
    await page.goto(`${url}/app`);
    await page.locator('a[data-reference]').first().waitFor();
    const list = page.getByTestId('case-list');
    const started = Date.now();
    for (;;) {
      await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(50);
      const shown = Number((await page.locator('p[aria-live="polite"]').textContent()).replace(/\D/g, ''));
      if (shown >= rowsWanted || Date.now() - started > 60_000) {
        return { loaded: shown, domRows: await page.locator('a[data-reference]').count(), seconds: (Date.now() - started) / 1000 };
      }
    }
  } finally {
    await context.close();
  }
}

module.exports = { launch, firstPageInteractive, firstPageInteractiveMs, searchMs, deepScroll };
