import { randomUUID } from 'node:crypto';
import { submitCase } from './support/factories';
import { startServer, StaffMember, TestServer } from './support/test-server';

describe('staff-logged calls and counter visits', () => {
  let server: TestServer;
  let agent: StaffMember;

  beforeAll(async () => {
    server = await startServer();
    agent = await server.createStaff('agent');
  });

  afterAll(async () => {
    await server?.stop();
  });

  const log = (body: Record<string, unknown>) => server.as(agent.token).post('/api/v1/staff-contacts').send(body);
  const detail = async (id: string) => (await server.as(agent.token).get(`/api/v1/cases/${id}`).expect(200)).body;

  it('records a counter visit as a new case for the citizen, with duration, outcome and who handled it', async () => {
    const logged = await log({
      channel: 'counter', citizen: { name: 'Ole Sørensen', phone: '26 11 22 33' }, topic: 'pas-og-koerekort',
      summary: 'Ole kom forbi skranken for at forny sit pas; fotos godkendt.', durationSeconds: 540, outcome: 'completed',
    }).expect(201);
    expect(logged.body).toMatchObject({ newCase: true, reference: expect.stringMatching(/^K-\d{4}-\d+$/) });
    const opened = await detail(logged.body.caseId);
    expect(opened).toMatchObject({ channel: 'counter', topic: 'pas-og-koerekort', citizen: expect.objectContaining({ name: 'Ole Sørensen', phones: ['+4526112233'] }) });
    expect(opened.contacts).toEqual([expect.objectContaining({
      id: logged.body.contactId, channel: 'counter', direction: 'inbound', durationSeconds: 540, outcome: 'completed', costMinor: null, author: { id: agent.id, name: agent.name },
    })]);
  });

  it('adds a phone call outside Twilio to an existing case, and an outbound call back to the citizen', async () => {
    const existing = await submitCase(server, { message: 'Min ansøgning om boligstøtte er ikke besvaret.' });
    const call = await log({ channel: 'phone', caseId: existing.id, summary: 'Borgeren ringede på direkte nummer og spurgte til status.', durationSeconds: 180, outcome: 'follow-up-needed' }).expect(201);
    const back = await log({ channel: 'phone', caseId: existing.id, direction: 'outbound', summary: 'Ringede tilbage: ansøgningen er godkendt.', durationSeconds: 95, outcome: 'completed' }).expect(201);
    expect(call.body).toMatchObject({ caseId: existing.id, newCase: false });
    const thread = await detail(existing.id);
    expect(thread.contacts.map((c: { channel: string; direction: string; durationSeconds: number | null; outcome: string | null }) => [c.channel, c.direction, c.durationSeconds, c.outcome])).toEqual([
      ['webform', 'inbound', null, null],
      ['phone', 'inbound', 180, 'follow-up-needed'],
      ['phone', 'outbound', 95, 'completed'],
    ]);
    expect(thread.contacts[2]).toMatchObject({ id: back.body.contactId, author: { id: agent.id, name: agent.name } });
  });

  it.each([
    [{ channel: 'email', citizen: { name: 'A' }, summary: 'x', durationSeconds: 1, outcome: 'completed' }, 400, /channel must be phone or counter/],
    [{ channel: 'counter', summary: 'x', durationSeconds: 1, outcome: 'completed' }, 422, /Give caseId, or the citizen/],
    [{ channel: 'counter', citizen: { name: 'A' }, summary: 'x', durationSeconds: -5, outcome: 'completed' }, 400, /durationSeconds must not be less than 0/],
    [{ channel: 'counter', citizen: { name: 'A' }, summary: 'x', durationSeconds: 5, outcome: 'great' }, 400, /outcome must be one of/],
    [{ channel: 'phone', citizen: { phone: '12' }, summary: 'x', durationSeconds: 5, outcome: 'completed' }, 422, /citizen.phone must be a phone number/],
    [{ channel: 'phone', direction: 'outbound', citizen: { name: 'A' }, summary: 'x', durationSeconds: 5, outcome: 'completed' }, 422, /on an existing case: give caseId/],
    [{ channel: 'phone', caseId: randomUUID(), summary: 'x', durationSeconds: 5, outcome: 'completed' }, 404, /was not found/],
    [{ channel: 'counter', citizen: { name: 'A' }, summary: 'x', durationSeconds: 5, outcome: 'completed', occurredAt: '2999-01-01T10:00:00Z' }, 422, /must not be in the future/],
  ])('refuses %j with %d', async (body, status, message) => {
    const response = await log(body);
    expect(response.status).toBe(status);
    expect(response.body.message).toMatch(message);
  });

  it('is for staff only', async () => {
    await server.request.post('/api/v1/staff-contacts').send({ channel: 'counter', citizen: { name: 'A' }, summary: 'x', durationSeconds: 5, outcome: 'completed' }).expect(401);
  });
});
