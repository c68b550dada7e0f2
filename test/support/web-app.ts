import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StaffMember, TestServer } from './test-server';

export interface SignedIn {
  context: BrowserContext;
  page: Page;
}

/**
 * A fresh browser context (its own cookies and storage) at 1280×720 with the staff member signed in
 * through the sign-in form. CSP is bypassed only so the tests can inject axe-core.
 */
export async function signIn(browser: Browser, server: TestServer, member: Pick<StaffMember, 'email' | 'password'>, path = '/app'): Promise<SignedIn> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.getByLabel('E-mail').fill(member.email);
  await page.getByLabel('Adgangskode').fill(member.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
  return { context, page };
}

export async function setPresence(page: Page, status: 'available' | 'away' | 'offline'): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/presence') && r.status() === 200);
  await page.getByLabel('Min status').selectOption(status);
  await answered;
}

/** The inbox row of a case, by its reference. */
export const caseRow = (page: Page, reference: string) => page.locator(`a[data-reference="${reference}"]`);

/** The id of the case with this reference, as staff find it through the case list. */
export async function caseIdOf(server: TestServer, reference: string): Promise<string> {
  const response = await server.as(await server.adminToken()).get('/api/v1/cases').query({ text: reference });
  const found = (response.body.items as { id: string; reference: string }[] | undefined)?.find((c) => c.reference === reference);
  if (!found) throw new Error(`Case ${reference} is not in GET /api/v1/cases: ${response.status} ${response.text}`);
  return found.id;
}
