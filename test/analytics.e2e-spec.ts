import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { History, waitForRollups } from './support/analytics-factories';
import { requireOrSkip } from './support/require-or-skip';
import { startSmtpCapture, SmtpCapture } from './support/smtp-capture';
import { submitCase, uniqueEmail } from './support/factories';
import { StaffMember, startServer, TestServer } from './support/test-server';

/**
 * A month of hand-built history (Europe/Copenhagen, CET in March 2026) and every figure of the
 * channel-cost report computed by hand from it. Unit costs are the defaults: phone and post
 * 145 DKK, web form 10 DKK; staff cost 400 DKK an hour.
 *
 * Baseline (February): 3 phone and 1 web-form contacts → mix phone 0.75, web form 0.25.
 * March:
 *   A1 web form, citizen A (resident): contact 03-02 08:00Z, staff reply 10:00Z (first response 7,200 s, SLA due next day),
 *      resolved 12:00Z (14,400 s), one inbound contact, never reopened → first-contact resolution.
 *   A2 phone, citizen A: contacts 03-05 09:00Z (300 s, 150 øre) and 03-06 09:00Z (120 s, 50 øre; chasing, case open);
 *      both within 7 days of A1's resolution → 2 re-contacts; staff reply 03-06 09:30Z (88,200 s, SLA due 03-05 21:00Z → late);
 *      resolved 03-07 09:00Z (172,800 s); two inbound contacts → not first-contact resolution.
 *   B1 post, citizen B (business): letter 03-01 23:30Z = 03-02 00:30 in Copenhagen, postage 1,200 øre; still new.
 *   B2 web form, citizen B: contact 03-10 10:00Z, resolved 11:00Z (3,600 s), reopened by a contact 03-12 10:00Z
 *      (a re-contact, not chasing: the case had been resolved), resolved again 03-13.
 */
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const BASELINE = { baselineFrom: '2026-02-01', baselineTo: '2026-02-28' };

async function buildHistory(history: History, staffId: string): Promise<{ a1: string }> {
  for (const channel of ['phone', 'phone', 'phone', 'webform']) {
    const id = await history.case({ channel, createdAt: '2026-02-10T10:00:00Z' });
    await history.contact(id, { channel, occurredAt: '2026-02-10T10:00:00Z' });
  }
  const citizenA = await history.citizen('resident');
  const a1 = await history.case({ channel: 'webform', createdAt: '2026-03-02T08:00:00Z', slaDueAt: '2026-03-03T08:00:00Z', citizenId: citizenA, status: 'assigned' });
  await history.contact(a1, { channel: 'webform', occurredAt: '2026-03-02T08:00:00Z' });
  await history.contact(a1, { channel: 'webform', direction: 'outbound', authorId: staffId, occurredAt: '2026-03-02T10:00:00Z' });
  await history.transition(a1, 'assigned', 'resolved', '2026-03-02T12:00:00Z');

  const a2 = await history.case({ channel: 'phone', createdAt: '2026-03-05T09:00:00Z', slaDueAt: '2026-03-05T21:00:00Z', citizenId: citizenA, status: 'assigned' });
  await history.contact(a2, { channel: 'phone', occurredAt: '2026-03-05T09:00:00Z', durationSeconds: 300, directCostMinor: 150 });
  await history.contact(a2, { channel: 'phone', occurredAt: '2026-03-06T09:00:00Z', durationSeconds: 120, directCostMinor: 50 });
  await history.contact(a2, { channel: 'phone', direction: 'outbound', authorId: staffId, occurredAt: '2026-03-06T09:30:00Z' });
  await history.transition(a2, 'assigned', 'resolved', '2026-03-07T09:00:00Z');

  const citizenB = await history.citizen('business');
  const b1 = await history.case({ channel: 'post', createdAt: '2026-03-01T23:30:00Z', citizenId: citizenB, topic: 'affald' });
  await history.contact(b1, { channel: 'post', occurredAt: '2026-03-01T23:30:00Z', directCostMinor: 1200 });

  const b2 = await history.case({ channel: 'webform', createdAt: '2026-03-10T10:00:00Z', citizenId: citizenB, status: 'assigned' });
  await history.contact(b2, { channel: 'webform', occurredAt: '2026-03-10T10:00:00Z' });
  await history.transition(b2, 'assigned', 'resolved', '2026-03-10T11:00:00Z');
  await history.contact(b2, { channel: 'webform', occurredAt: '2026-03-12T10:00:00Z' });
  await history.transition(b2, 'resolved', 'queued', '2026-03-12T10:00:00Z');
  await history.transition(b2, 'queued', 'resolved', '2026-03-13T10:00:00Z');
  return { a1 };
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
  return lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

describe('channel-cost analytics', () => {
  let server: TestServer;
  let smtp: SmtpCapture;
  let manager: StaffMember;
  let history: History;
  let a1: string;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    server = await startServer({ env: { ANALYTICS_FOLD_SECONDS: '1', REPORTS_SMTP_URL: smtp.url, REPORTS_MAIL_FROM: 'Kontakt <rapporter@kommune.test>' } });
    manager = await server.createStaff('manager');
    history = await History.open(server);
    ({ a1 } = await buildHistory(history, manager.id));
    await waitForRollups(server, manager.token);
  });

  afterAll(async () => {
    await history?.close();
    await server?.stop();
    await smtp?.stop();
  });

  const report = (query: Record<string, string>) => server.as(manager.token).get('/api/v1/reports/channel-costs').query(query);

  it('costs each channel, the total and the resolved case, and saves against the baseline mix', async () => {
    const response = await report({ ...MARCH, ...BASELINE, groupBy: 'month' });
    expect(response.status).toBe(200);
    const byChannel = Object.fromEntries(response.body.rows.map((r: { channel: string }) => [r.channel, r]));
    expect(byChannel.webform).toMatchObject({ period: '2026-03', contacts: 3, cases: 2, resolvedCases: 2, sharePercent: 50, cost: 3000, costModel: 'unit' });
    expect(byChannel.phone).toMatchObject({ contacts: 2, cases: 1, resolvedCases: 1, sharePercent: 33.3, cost: 29000, averageHandlingSeconds: 210 });
    expect(byChannel.post).toMatchObject({ contacts: 1, cases: 1, resolvedCases: 0, sharePercent: 16.7, cost: 14500 });
    expect(response.body.baselineMix).toEqual({ phone: 0.75, webform: 0.25 });
    // baseline: 6 contacts × (0.75 × 14,500 + 0.25 × 1,000) = 66,750 øre; actual 46,500 øre
    expect(response.body.totals).toMatchObject({
      contacts: 6, cases: 4, resolvedCases: 3, digitalSharePercent: 50, cost: 46500, costPerResolvedCase: 15500,
      baselineCost: 66750, savings: 20250,
    });
  });

  it('reports avoidable contact, first-contact resolution and response times against the SLA', async () => {
    const { body } = await report({ ...MARCH, groupBy: 'month' });
    // chasing 1 of 6; re-contacts 3 of 6; first-contact resolution 1 of 3 resolved; first responses 1 of 2 in SLA
    // medians by nearest rank: responses [7,200, 88,200] → rank 1; resolutions [3,600, 14,400, 172,800] → rank 2 and 3.
    // Reported values are bucket midpoints: 7,200 s → 7,424; 88,200 → 88,494; 14,400 → 14,469; 172,800 → 172,451 (each within 5 %).
    expect(body.totals).toMatchObject({
      chasingPercent: 16.7, recontactPercent: 50, firstContactResolutionPercent: 33.3, firstResponseInSlaPercent: 50,
      firstResponseMedianSeconds: 7424, firstResponseP90Seconds: 88494, resolutionMedianSeconds: 14469, resolutionP90Seconds: 172451,
    });
    expect(Math.abs(body.totals.firstResponseMedianSeconds / 7200 - 1)).toBeLessThan(0.05);
  });

  it('counts a contact on its day in Copenhagen and filters by segment and topic', async () => {
    const days = (await report({ from: '2026-03-01', to: '2026-03-02', groupBy: 'day' })).body;
    expect(days.rows.map((r: { period: string; channel: string }) => `${r.period} ${r.channel}`)).toEqual(['2026-03-02 webform', '2026-03-02 post']);
    const business = (await report({ ...MARCH, segment: 'business' })).body;
    expect(business.totals).toMatchObject({ contacts: 3, cost: 2 * 1000 + 14500 });
    const waste = (await report({ ...MARCH, topic: 'affald' })).body;
    expect(waste.rows).toEqual([expect.objectContaining({ channel: 'post', contacts: 1 })]);
  });

  it('filters by queue, by several dimensions at once, and matches nothing for an unknown slug', async () => {
    // affald belongs to teknik-og-miljoe; every other March case is generelt in borgerservice (6 March contacts in all)
    const technical = (await report({ ...MARCH, queue: 'teknik-og-miljoe' })).body;
    expect(technical.rows).toEqual([expect.objectContaining({ channel: 'post', contacts: 1, cost: 14500 })]);
    expect((await report({ ...MARCH, queue: 'borgerservice' })).body.totals).toMatchObject({ contacts: 5, resolvedCases: 3 });
    const wasteBusiness = (await report({ ...MARCH, topic: 'affald', segment: 'business' })).body;
    expect(wasteBusiness.rows).toEqual([expect.objectContaining({ channel: 'post', contacts: 1 })]);
    expect((await report({ ...MARCH, topic: 'affald', segment: 'resident' })).body.rows).toEqual([]);
    expect((await report({ ...MARCH, topic: 'no-such-topic' })).body.rows).toEqual([]);
    const residents = (await report({ ...MARCH, segment: 'resident', groupBy: 'day' })).body;
    expect(residents.totals).toMatchObject({ contacts: 3, firstResponseMedianSeconds: 7424 });
  });

  it('gives the same totals by day, week and month, whole periods read from the summed histograms or not', async () => {
    for (const range of [MARCH, { from: '2026-02-01', to: '2026-03-31' }, { from: '2026-03-02', to: '2026-03-12' }, { from: '2026-03-01', to: '2026-03-29' }]) {
      const [byDay, byWeek, byMonth] = await Promise.all(['day', 'week', 'month'].map(async (groupBy) => (await report({ ...range, groupBy })).body));
      expect(byWeek.totals).toEqual(byDay.totals);
      expect(byMonth.totals).toEqual(byDay.totals);
    }
    const march = (await report({ ...MARCH, groupBy: 'week' })).body;
    // the week of Monday 2 March holds a1 and a2: first responses after 7,200 s and 88,200 s
    expect(march.periods.find((p: { period: string }) => p.period === '2026-03-02')).toMatchObject({ firstResponseMedianSeconds: 7424, firstResponseP90Seconds: 88494 });
  });

  it('says which cost model produced each figure under activity-based costing', async () => {
    const { body } = await report({ ...MARCH, costModel: 'activity' });
    const byChannel = Object.fromEntries(body.rows.map((r: { channel: string }) => [r.channel, r]));
    // phone: 420 s × 40,000 øre/h + 200 øre direct = 4,866.67 → 4,867; post: postage 1,200; web form recorded nothing → unit cost
    expect(byChannel.phone).toMatchObject({ cost: 4867, costModel: 'activity' });
    expect(byChannel.post).toMatchObject({ cost: 1200, costModel: 'activity' });
    expect(byChannel.webform).toMatchObject({ cost: 3000, costModel: 'unit' });
    expect(body.totals.cost).toBe(9067);
  });

  it('applies a unit cost from its effective day on', async () => {
    const put = await server.as(manager.token).put('/api/v1/channel-costs')
      .send({ costs: [{ channel: 'webform', effectiveFrom: '2026-03-10', unitCostMinor: 500, staffCostPerHourMinor: 40000 }] });
    expect(put.status).toBe(200);
    const { body } = await report({ ...MARCH });
    // A1 on 03-02 at 1,000 øre; B2's two contacts (03-10, 03-12) at 500 øre
    expect(body.rows.find((r: { channel: string }) => r.channel === 'webform').cost).toBe(2000);
    await server.as(manager.token).put('/api/v1/channel-costs')
      .send({ costs: [{ channel: 'webform', effectiveFrom: '2026-03-10', unitCostMinor: 1000, staffCostPerHourMinor: 40000 }] });
  });

  it('exports every table as CSV and XLSX with the same numbers', async () => {
    const query = { ...MARCH, ...BASELINE, groupBy: 'month' };
    const json = (await report(query)).body;
    const csv = await report({ ...query, format: 'csv', table: 'channels' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const channels = parseCsv(csv.text);
    expect(channels.map((r) => [r.channel, Number(r.contacts), Number(r.cost)])).toEqual(json.rows.map((r: { channel: string; contacts: number; cost: number }) => [r.channel, r.contacts, r.cost]));
    const periods = parseCsv((await report({ ...query, format: 'csv', table: 'periods' })).text);
    expect(periods.at(-1)).toMatchObject({ period: 'total', contacts: '6', cost: '46500', savings: '20250', digitalSharePercent: '50' });

    const xlsx = await report({ ...query, format: 'xlsx' }).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = workbook.getWorksheet('Periods')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const total = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
    const at = (title: string) => total[header.findIndex((h) => h.endsWith(`/ ${title}`))];
    expect([at('Period'), at('Contacts'), at('Cost (minor units)'), at('Savings (minor units)')]).toEqual(['total', 6, 46500, 20250]);
    expect(workbook.getWorksheet('Channels')!.rowCount).toBe(1 + json.rows.length);
  });

  it('publishes open data with counts under 5 suppressed', async () => {
    const { body } = await server.as(manager.token).get('/api/v1/reports/open-data').query({ from: '2026-02-01', to: '2026-03-31' });
    const phoneFebruary = body.rows.find((r: { month: string; channel: string }) => r.month === '2026-02' && r.channel === 'phone');
    expect(phoneFebruary).toEqual({ month: '2026-02', channel: 'phone', topic: 'generelt', contacts: null, cases: null, suppressed: 'yes' });
    expect(body.rows.every((r: { contacts: number | null }) => r.contacts === null || r.contacts >= 5)).toBe(true);
    const csv = parseCsv((await server.as(manager.token).get('/api/v1/reports/open-data').query({ from: '2026-02-01', to: '2026-03-31', format: 'csv' })).text);
    expect(csv[0]).toMatchObject({ contacts: '', suppressed: 'yes' });
  });

  it('records a survey answer from the citizen page as satisfaction on the case channel', async () => {
    const link = await server.as(manager.token).post(`/api/v1/cases/${a1}/survey-link`);
    expect(link.status).toBe(201);
    const path = new URL(link.body.url).pathname;
    const page = await server.request.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Hvor tilfreds er du');
    expect((await server.request.get(`${path}?lang=en`)).text).toContain('How satisfied are you');
    expect((await server.request.post(path).type('form').send({ score: '9' })).status).toBe(400);
    const answered = await server.request.post(path).type('form').send({ score: '4' });
    expect(answered.text).toContain('Tak for dit svar');
    expect((await server.request.post(path).type('form').send({ score: '1' })).text).toContain('allerede svaret');
    await waitForRollups(server, manager.token);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
    const { body } = await report({ from: today, to: today });
    expect(body.rows).toEqual([expect.objectContaining({ channel: 'webform', surveyResponses: 1, satisfactionAverage: 4 })]);
    expect(body.totals.satisfactionAverage).toBe(4);
  });

  it('emails the survey link to the citizen once a web-form case is resolved', async () => {
    const email = uniqueEmail('survey');
    const submitted = await submitCase(server, { email });
    expect((await server.as(await server.adminToken()).patch(`/api/v1/cases/${submitted.id}`).send({ status: 'resolved' })).status).toBe(200);
    const mail = await smtp.waitFor((m) => m.envelope.to.includes(email));
    expect(mail.parsed.subject).toContain(submitted.reference);
    const url = /https?:\/\/\S+\/survey\/[A-Za-z0-9_-]{43}/.exec(mail.parsed.text ?? '')![0];
    const answered = await server.request.post(new URL(url).pathname).type('form').send({ score: '5' });
    expect(answered.text).toContain('Tak for dit svar');
  });

  it('refuses bad report input with a 4xx that says what to fix, and keeps agents out', async () => {
    expect((await report({ from: '2026-02-30', to: '2026-03-01' })).body.message).toMatch(/from is not a calendar date/);
    expect((await report({ from: '2026-03-02', to: '2026-03-01' })).status).toBe(422);
    expect((await report({ ...MARCH, groupBy: 'year' })).body.message).toMatch(/groupBy must be one of day, week, month/);
    expect((await report({ ...MARCH, baselineFrom: '2026-02-01' })).body.message).toMatch(/together/);
    const agent = await server.createStaff('agent');
    expect((await server.as(agent.token).get('/api/v1/reports/channel-costs').query(MARCH)).status).toBe(403);
    const badCost = await server.as(manager.token).put('/api/v1/channel-costs').send({ costs: [{ channel: 'fax', effectiveFrom: '2026-01-01', unitCostMinor: 1.5, staffCostPerHourMinor: 0 }] });
    expect(badCost.status).toBe(400);
  });

  requireOrSkip(existsSync('/usr/bin/pdftotext'), 'pdftotext (poppler-utils) is needed to read the monthly PDF')('monthly report', () => {
    it('emails the monthly PDF to every manager', async () => {
      const second = await server.createStaff('manager');
      const sent = await server.as(manager.token).post('/api/v1/reports/monthly/send').send({ month: '2026-03' });
      expect(sent.status).toBe(202);
      expect(sent.body.recipients).toBe(2);
      const mail = await smtp.waitFor((m) => m.parsed.subject?.includes('2026-03') === true);
      expect(mail.envelope.to.sort()).toEqual([manager.email, second.email].sort());
      const pdf = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
      const dir = mkdtempSync(join(tmpdir(), 'kontakt-pdf-'));
      writeFileSync(join(dir, 'report.pdf'), pdf.content);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-']).toString();
      expect(text).toContain('Monthly report 2026-03');
      expect(text).toMatch(/Henvendelser \/ Contacts: 6/);
      expect(text).toMatch(/Besparelse \/ Savings: /);
    });
  });
});
