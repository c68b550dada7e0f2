import { expectApiError } from './support/api-expectations';
import { submitCase } from './support/factories';
import { StaffMember, startServer, TestServer } from './support/test-server';

describe('working a case', () => {
  let server: TestServer;
  let admin: string;
  let supervisor: StaffMember;
  let agent: StaffMember;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.adminToken();
    supervisor = await server.createStaff('supervisor');
    agent = await server.createStaff('agent', { skills: [{ topic: 'generelt', level: 3 }] });
  });

  afterAll(async () => {
    await server?.stop();
  });

  const detail = async (id: string, token = admin) => {
    const response = await server.as(token).get(`/api/v1/cases/${id}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const setStatus = (id: string, status: string, token = admin) => server.as(token).patch(`/api/v1/cases/${id}`).send({ status });
  const assign = (id: string, assigneeId: string, token = supervisor.token) => server.as(token).post(`/api/v1/cases/${id}/assign`).send({ assigneeId });

  describe('the case in detail', () => {
    it('shows the citizen, the contact with its channel, direction and text, and the events', async () => {
      const message = 'Jeg er flyttet og vil gerne høre, hvordan jeg melder flytning.';
      const submitted = await submitCase(server, { name: 'Jens Jensen', email: 'Jens.Jensen@Example.dk', phone: '+45 20 30 40 50', subject: 'Flytning', message });

      const body = await detail(submitted.id);

      expect(body).toMatchObject({ id: submitted.id, reference: submitted.reference, channel: 'webform', status: 'queued', subject: 'Flytning' });
      expect(body.citizen).toMatchObject({ name: 'Jens Jensen', emails: ['jens.jensen@example.dk'], phones: ['+4520304050'] });
      expect(body.contacts).toEqual([expect.objectContaining({ channel: 'webform', direction: 'inbound', text: message })]);
      expect(body.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['created', 'status_changed', 'contact_received']));
    });

    it('keeps Danish letters, typographic quotes and emoji intact from submission to the case view', async () => {
      const name = 'Søren Ærø-Åkjær';
      const subject = '“Grønne” områder på Æblevej';
      const message = 'Hej! Græsset på Æblevej er ikke slået i år — børnene kan ikke lege. ØÆÅ øæå «citat» ‘enkelt’ 🌳🙂👍🏽';

      const submitted = await submitCase(server, { name, subject, message });
      const body = await detail(submitted.id);

      expect(body.citizen.name).toBe(name);
      expect(body.subject).toBe(subject);
      expect(body.contacts[0].text).toBe(message);
      expect(body.contacts[0].subject).toBe(subject);
    });

    it('classifies a message about storskrald into the topic affald and the queue teknik-og-miljoe', async () => {
      const submitted = await submitCase(server, { message: 'Hvornår kan jeg få hentet storskrald? Jeg har en gammel sofa.' });

      expect(await detail(submitted.id)).toMatchObject({ topic: 'affald', queue: 'teknik-og-miljoe' });
    });

    it('answers 404 for a case that does not exist', async () => {
      expectApiError(await server.as(admin).get('/api/v1/cases/00000000-0000-4000-8000-000000000000'), 404);
    });
  });

  describe('the life cycle', () => {
    it('resolves a queued case and then closes it, recording each move', async () => {
      const submitted = await submitCase(server);

      const resolved = await setStatus(submitted.id, 'resolved');
      expect(resolved.status).toBe(200);
      expect(resolved.body.status).toBe('resolved');
      const closed = await setStatus(submitted.id, 'closed');
      expect(closed.body.status).toBe('closed');

      const moves = closed.body.events.filter((e: { type: string }) => e.type === 'status_changed').map((e: { from: string; to: string }) => `${e.from}→${e.to}`);
      expect(moves).toEqual(expect.arrayContaining(['queued→resolved', 'resolved→closed']));
    });

    it('reopens a resolved case into the queue', async () => {
      const submitted = await submitCase(server);
      await setStatus(submitted.id, 'resolved').expect(200);

      expect((await setStatus(submitted.id, 'queued')).body.status).toBe('queued');
    });

    it('refuses to move a queued case to waiting_on_citizen with 409, saying where it can go', async () => {
      const submitted = await submitCase(server);

      expectApiError(await setStatus(submitted.id, 'waiting_on_citizen'), 409, /queued.*waiting_on_citizen/);
      expect((await detail(submitted.id)).status).toBe('queued');
    });

    it.each(['queued', 'assigned', 'waiting_on_citizen', 'resolved'])('refuses to move a closed case to %s', async (status) => {
      const submitted = await submitCase(server);
      await setStatus(submitted.id, 'closed').expect(200);

      expectApiError(await setStatus(submitted.id, status), 409, 'closed');
      expect((await detail(submitted.id)).status).toBe('closed');
    });

    it('refuses a status that does not exist with 400', async () => {
      const submitted = await submitCase(server);

      expectApiError(await setStatus(submitted.id, 'archived'), 400, 'status');
    });
  });

  describe('assignment', () => {
    it('lets a supervisor assign a queued case to an agent, which moves it to assigned', async () => {
      const submitted = await submitCase(server);

      const response = await assign(submitted.id, agent.id);

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ status: 'assigned', assignee: { id: agent.id, name: agent.name } });
      expect((await detail(submitted.id)).events).toContainEqual(expect.objectContaining({ type: 'assigned', to: 'assigned' }));
    });

    it('lets an administrator assign too', async () => {
      const submitted = await submitCase(server);

      expect((await assign(submitted.id, agent.id, admin)).status).toBe(201);
    });

    it('forbids an agent to assign cases, even to themselves', async () => {
      const submitted = await submitCase(server);

      expectApiError(await assign(submitted.id, agent.id, agent.token), 403);
      expect((await detail(submitted.id)).status).toBe('queued');
    });
  });

  describe('notes and replies', () => {
    it('shows a staff note in the case detail, with its author', async () => {
      const submitted = await submitCase(server);

      const note = await server.as(agent.token).post(`/api/v1/cases/${submitted.id}/notes`).send({ body: 'Ringede til borgeren, venter på papirer.' });

      expect(note.status).toBe(201);
      expect((await detail(submitted.id)).notes).toEqual([
        expect.objectContaining({ body: 'Ringede til borgeren, venter på papirer.', author: { id: agent.id, name: agent.name } }),
      ]);
    });

    it('records a reply on a web-form case as an outbound contact and then waits on the citizen', async () => {
      const submitted = await submitCase(server);
      await assign(submitted.id, agent.id).expect(201);

      const reply = await server.as(agent.token).post(`/api/v1/cases/${submitted.id}/replies`).send({ body: 'Tak for din henvendelse. Vi har brug for dit CPR-nummer.' });

      expect(reply.status).toBe(201);
      const body = await detail(submitted.id);
      expect(body.status).toBe('waiting_on_citizen');
      expect(body.contacts).toEqual([
        expect.objectContaining({ direction: 'inbound', channel: 'webform' }),
        expect.objectContaining({ direction: 'outbound', channel: 'webform', text: 'Tak for din henvendelse. Vi har brug for dit CPR-nummer.', author: { id: agent.id, name: agent.name } }),
      ]);
    });

    it('refuses a reply by email with 422 while email delivery is not set up, recording nothing', async () => {
      const submitted = await submitCase(server);

      const reply = await server.as(agent.token).post(`/api/v1/cases/${submitted.id}/replies`).send({ body: 'Svar pr. e-mail', channel: 'email' });

      expectApiError(reply, 422, 'email');
      expect((await detail(submitted.id)).contacts).toHaveLength(1);
    });

    it('refuses a reply on a closed case with 409', async () => {
      const submitted = await submitCase(server);
      await setStatus(submitted.id, 'closed').expect(200);

      expectApiError(await server.as(agent.token).post(`/api/v1/cases/${submitted.id}/replies`).send({ body: 'For sent' }), 409);
    });
  });
});
