import { expectApiError } from './support/api-expectations';
import { startServer, TestServer } from './support/test-server';

describe('administering staff: languages, skills, capacity and disabling', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('changes name, role, languages, topic skills and capacity in one PATCH, merging capacity per channel', async () => {
    const agent = await server.createStaff('agent', { languages: ['da'], capacity: { email: 4 } });
    const admin = server.as(await server.adminToken());

    const changed = await admin.patch(`/api/v1/users/${agent.id}`).send({
      name: 'Ada Omdøbt', role: 'supervisor', languages: ['da', 'en'], skills: [{ topic: 'affald', level: 4 }, { topic: 'parkering', level: 2 }], capacity: { phone: 0, sms: 7 },
    });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Ada Omdøbt', role: 'supervisor', languages: ['da', 'en'],
      skills: expect.arrayContaining([{ topic: 'affald', level: 4 }, { topic: 'parkering', level: 2 }]),
      capacity: expect.objectContaining({ email: 4, phone: 0, sms: 7 }),
    });
    const listed = (await admin.get('/api/v1/users')).body.find((u: { id: string }) => u.id === agent.id);
    expect(listed.skills).toHaveLength(2);

    const cleared = await admin.patch(`/api/v1/users/${agent.id}`).send({ skills: [] });
    expect(cleared.body).toMatchObject({ skills: [], languages: ['da', 'en'], name: 'Ada Omdøbt' });
  });

  it.each([
    ['an unknown language', { languages: ['de'] }, 400, 'languages may contain da and en'],
    ['no language at all', { languages: [] }, 400, 'at least one language'],
    ['a language twice', { languages: ['da', 'da'] }, 400, 'each language once'],
    ['a skill level of 6', { skills: [{ topic: 'affald', level: 6 }] }, 400, 'level'],
    ['a topic twice', { skills: [{ topic: 'affald', level: 1 }, { topic: 'affald', level: 2 }] }, 400, 'each topic once'],
    ['an unknown topic', { skills: [{ topic: 'findes-ikke', level: 2 }] }, 422, 'findes-ikke'],
    ['a negative capacity', { capacity: { email: -1 } }, 400, 'email'],
    ['an unknown channel in capacity', { capacity: { fax: 2 } }, 400, 'fax'],
    ['skills that are not a list', { skills: 'affald' }, 400, 'skills'],
  ])('refuses %s with a 4xx naming the problem', async (_, body, status, message) => {
    const agent = await server.createStaff('agent');
    expectApiError(await server.as(await server.adminToken()).patch(`/api/v1/users/${agent.id}`).send(body), status, message);
  });

  it('only lets an admin edit staff', async () => {
    const agent = await server.createStaff('agent');
    const manager = await server.createStaff('manager');
    expectApiError(await server.as(manager.token).patch(`/api/v1/users/${agent.id}`).send({ languages: ['en'] }), 403);
  });

  it('sets a disabled user offline, keeps them out, and lets an admin re-enable them', async () => {
    const agent = await server.createStaff('agent');
    await server.as(agent.token).put('/api/v1/me/presence').send({ status: 'available' }).expect(200);
    const admin = server.as(await server.adminToken());

    const disabled = await admin.patch(`/api/v1/users/${agent.id}`).send({ disabled: true });

    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true, presence: 'offline' });
    expectApiError(await server.as(agent.token).get('/api/v1/me'), 401);
    expectApiError(await server.request.post('/api/v1/auth/login').send({ email: agent.email, password: agent.password }), 403, 'disabled');
    const stats = await admin.get('/api/v1/routing/stats');
    expect(stats.body.agents.map((a: { id: string }) => a.id)).not.toContain(agent.id);

    const enabled = await admin.patch(`/api/v1/users/${agent.id}`).send({ disabled: false });
    expect(enabled.body).toMatchObject({ disabled: false, presence: 'offline' });
    expect(await server.login(agent.email, agent.password)).toEqual(expect.any(String));
  });

  it('reads an agent\'s queue skills back, and 404s for an unknown or disabled agent', async () => {
    const agent = await server.createStaff('agent');
    const admin = server.as(await server.adminToken());
    await admin.put(`/api/v1/routing/agents/${agent.id}/queue-skills`).send({ skills: [{ queue: 'borgerservice', level: 3 }] }).expect(200);

    const read = await admin.get(`/api/v1/routing/agents/${agent.id}/queue-skills`);

    expect(read.status).toBe(200);
    expect(read.body).toEqual({ agentId: agent.id, skills: [{ queue: 'borgerservice', level: 3 }] });
    expectApiError(await admin.get('/api/v1/routing/agents/00000000-0000-4000-8000-000000000000/queue-skills'), 404);
    expectApiError(await admin.get('/api/v1/routing/agents/nope/queue-skills'), 400, 'UUID');
    expectApiError(await server.as(agent.token).get(`/api/v1/routing/agents/${agent.id}/queue-skills`), 403);
  });
});
