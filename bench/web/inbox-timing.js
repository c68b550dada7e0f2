'use strict';
/**
 * The inbox in Debian's Chromium (playwright-core): milliseconds from navigation start until the first
 * case row is painted and clickable, and the rows actually in the DOM after scrolling deep into the list.
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
 * the context is not counted) until the first row is painted and clickable, with where the time went:
 * the HTML, the app's main script, the first GET /cases request (start and end).
 * The moment is taken inside the page: a MutationObserver sees the first row enter the DOM, and the task
 * after the next animation frame runs once that frame is painted and React has attached its handlers.
 * Timing it from the test runner instead would add the runner's round trips, which on a loaded machine
 * were a large and varying part of the figure.
 */
async function firstPageInteractive(browser, url, token) {
  const { context, page } = await signedInPage(browser, url, token);
  await context.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('a[data-reference]')) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.firstRowInteractiveMs = performance.now(); }, 0));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  try {
    await page.goto(`${url}/app`);
    await page.waitForFunction(() => window.firstRowInteractiveMs !== undefined);
    return await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      const resources = performance.getEntriesByType('resource');
      const script = resources.find((r) => r.initiatorType === 'script' && /\/assets\/index-.*\.js$/.test(r.name));
      const list = resources.find((r) => /\/api\/v1\/cases\?/.test(r.name));
      return {
        ms: window.firstRowInteractiveMs,
        htmlMs: navigation.responseEnd,
        scriptLoadedMs: script ? script.responseEnd : null,
        domContentLoadedMs: navigation.domContentLoadedEventEnd,
        listRequestStartMs: list ? list.startTime : null,
        listResponseEndMs: list ? list.responseEnd : null,
      };
    });
  } finally {
    await context.close();
  }
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

module.exports = { launch, firstPageInteractive, searchMs, deepScroll };
