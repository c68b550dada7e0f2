import { listAllCases } from './support/api-expectations';
import { submitCase, submitWebform } from './support/factories';
import { StaffMember, startServer, TestServer } from './support/test-server';

interface CaseSummary {
  id: string;
  reference: string;
  channel: string;
  status: string;
  subject: string;
  topic: string;
  queue: string;
  assignee: { id: string; name: string } | null;
  createdAt: string;
}

describe('the staff case list', () => {
  let server: TestServer;
  let admin: string;
  let supervisor: StaffMember;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.adminToken();
    supervisor = await server.createStaff('supervisor');
  });

  afterAll(async () => {
    await server?.stop();
  });

  const list = async (query: Record<string, string>, token = admin): Promise<CaseSummary[]> => {
    const response = await server.as(token).get('/api/v1/cases').query({ limit: '100', ...query });
    expect(response.status).toBe(200);
    return response.body.items;
  };
  const ids = (cases: { id: string }[]) => cases.map((c) => c.id);

  it('lists a web-form submission as a queued webform case with a K-yyyy-nnnnnn reference', async () => {
    const submitted = await submitWebform(server, { subject: 'Spørgsmål om min ansøgning' });

    const [listed] = await list({ text: submitted.reference });

    expect(submitted.reference).toMatch(/^K-\d{4}-\d{6}$/);
    expect(submitted.statusUrl).toMatch(new RegExp(`^${server.url}/status/[A-Za-z0-9_-]+$`));
    expect(listed).toMatchObject({ reference: submitted.reference, channel: 'webform', status: 'queued', subject: 'Spørgsmål om min ansøgning', assignee: null });
  });

  it('filters by one or more statuses', async () => {
    const resolved = await submitCase(server);
    const queued = await submitCase(server);
    await server.as(admin).patch(`/api/v1/cases/${resolved.id}`).send({ status: 'resolved' }).expect(200);

    expect(ids(await list({ status: 'resolved' }))).toContain(resolved.id);
    expect(ids(await list({ status: 'resolved' }))).not.toContain(queued.id);
    expect(ids(await list({ status: 'queued' }))).not.toContain(resolved.id);
    expect(ids(await list({ status: 'queued,resolved' }))).toEqual(expect.arrayContaining([resolved.id, queued.id]));
    for (const item of await list({ status: 'queued' })) expect(item.status).toBe('queued');
  });

  it('filters by the channel a case came in on', async () => {
    const webform = await submitCase(server);

    expect(ids(await list({ channel: 'webform' }))).toContain(webform.id);
    expect(await list({ channel: 'email,phone' })).toEqual([]);
  });

  it('filters by queue and by topic', async () => {
    const waste = await submitCase(server, { message: 'Hvornår afhenter I storskrald i mit område?' });
    const general = await submitCase(server, { message: 'Hvad er kommunens åbningstider i julen?' });

    expect(ids(await list({ queue: 'teknik-og-miljoe' }))).toContain(waste.id);
    expect(ids(await list({ queue: 'teknik-og-miljoe' }))).not.toContain(general.id);
    expect(ids(await list({ queue: 'borgerservice' }))).toContain(general.id);
    expect(ids(await list({ topic: 'affald' }))).toContain(waste.id);
    expect(ids(await list({ topic: 'affald' }))).not.toContain(general.id);
    expect(ids(await list({ topic: 'generelt' }))).toContain(general.id);
  });

  it('filters by assignee: me, none, or a staff user id', async () => {
    const mine = await submitCase(server);
    const unassigned = await submitCase(server);
    await server.as(admin).post(`/api/v1/cases/${mine.id}/assign`).send({ assigneeId: supervisor.id }).expect(201);

    const me = await list({ assignee: 'me' }, supervisor.token);
    expect(ids(me)).toContain(mine.id);
    expect(ids(me)).not.toContain(unassigned.id);
    for (const item of me) expect(item.assignee?.id).toBe(supervisor.id);
    expect(ids(await list({ assignee: supervisor.id }))).toEqual(ids(me));
    expect(ids(await list({ assignee: 'none' }))).toContain(unassigned.id);
    expect(ids(await list({ assignee: 'none' }))).not.toContain(mine.id);
    expect(await list({ assignee: 'me' })).not.toContainEqual(expect.objectContaining({ id: mine.id }));
  });

  it('finds cases by the words in their contacts, with Danish stemming', async () => {
    const trampoline = await submitCase(server, { message: 'Naboens trampoliner blæser ind over vores hæk, når det stormer.' });
    const other = await submitCase(server, { message: 'Jeg vil gerne bestille en ny affaldsspand.' });

    const found = ids(await list({ text: 'trampolinen' }));

    expect(found).toContain(trampoline.id);
    expect(found).not.toContain(other.id);
  });

  it('finds exactly one case by its reference, in any letter case', async () => {
    const wanted = await submitCase(server);
    await submitCase(server);

    expect(ids(await list({ text: wanted.reference }))).toEqual([wanted.id]);
    expect(ids(await list({ text: wanted.reference.toLowerCase() }))).toEqual([wanted.id]);
  });

  it('walks every case exactly once, newest first, with limit and nextCursor', async () => {
    const created: string[] = [];
    for (let i = 0; i < 30; i++) created.push((await submitCase(server, { message: `Henvendelse nummer ${i + 1} om pagineringen.` })).id);

    const walked: CaseSummary[] = [];
    let cursor: string | null = null;
    do {
      const response = await server.as(admin).get('/api/v1/cases').query({ limit: '7', ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(7);
      walked.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);

    const walkedIds = ids(walked);
    expect(new Set(walkedIds).size).toBe(walkedIds.length);
    expect(walkedIds).toEqual(expect.arrayContaining(created));
    expect(walkedIds).toEqual(ids(await listAllCases(server, admin)));
    const times = walked.map((c) => Date.parse(c.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('says there is no next page when the last page is full to the limit', async () => {
    const total = (await listAllCases(server, admin)).length;

    const response = await server.as(admin).get('/api/v1/cases').query({ limit: String(total) });

    expect(response.body.items).toHaveLength(total);
    expect(response.body.nextCursor).toBeNull();
  });
});
