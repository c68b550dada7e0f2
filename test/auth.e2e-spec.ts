import { randomUUID } from 'node:crypto';
import { expectApiError } from './support/api-expectations';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, TestServer } from './support/test-server';

describe('staff authentication and user administration', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  describe('signing in', () => {
    it('bootstraps the administrator from ADMIN_EMAIL and ADMIN_PASSWORD on first start', async () => {
      const token = await server.login(ADMIN_EMAIL, ADMIN_PASSWORD);

      const me = await server.as(token).get('/api/v1/me');

      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ email: ADMIN_EMAIL, role: 'admin', disabled: false });
    });

    it('returns an access token and sets an HttpOnly, SameSite session cookie', async () => {
      const response = await server.request.post('/api/v1/auth/login').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });

      expect(response.status).toBe(200);
      expect(response.body.accessToken).toEqual(expect.any(String));
      const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('kontakt_session='));
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    });

    it('accepts the session cookie alone, without an Authorization header', async () => {
      const login = await server.request.post('/api/v1/auth/login').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      const cookie = ([] as string[]).concat(login.headers['set-cookie']).map((c) => c.split(';')[0]).join('; ');

      const me = await server.request.get('/api/v1/me').set('Cookie', cookie);

      expect(me.status).toBe(200);
      expect(me.body.email).toBe(ADMIN_EMAIL);
    });

    it('refuses a wrong password with 401 and the error body', async () => {
      const response = await server.request.post('/api/v1/auth/login').send({ email: ADMIN_EMAIL, password: 'not-the-password' });

      expectApiError(response, 401);
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('answers an unknown email exactly like a wrong password', async () => {
      const wrongPassword = await server.request.post('/api/v1/auth/login').send({ email: ADMIN_EMAIL, password: 'not-the-password' });
      const unknownEmail = await server.request.post('/api/v1/auth/login').send({ email: 'nobody@kommune.test', password: 'not-the-password' });

      expectApiError(unknownEmail, 401);
      expect(unknownEmail.body).toEqual(wrongPassword.body);
    });

    it('revokes the token on logout', async () => {
      const token = await server.login(ADMIN_EMAIL, ADMIN_PASSWORD);

      const logout = await server.as(token).post('/api/v1/auth/logout');

      expect(logout.status).toBe(204);
      expectApiError(await server.as(token).get('/api/v1/me'), 401);
    });

    it('keeps other sessions of the same user alive after a logout', async () => {
      const kept = await server.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const ended = await server.login(ADMIN_EMAIL, ADMIN_PASSWORD);

      await server.as(ended).post('/api/v1/auth/logout').expect(204);

      expect((await server.as(kept).get('/api/v1/me')).status).toBe(200);
    });
  });

  describe('every staff route needs a session', () => {
    const someId = randomUUID();
    const staffRoutes: ['get' | 'put' | 'post' | 'patch', string][] = [
      ['get', '/api/v1/me'],
      ['put', '/api/v1/me/presence'],
      ['post', '/api/v1/auth/logout'],
      ['get', '/api/v1/users'],
      ['post', '/api/v1/users'],
      ['patch', `/api/v1/users/${someId}`],
      ['get', '/api/v1/cases'],
      ['get', `/api/v1/cases/${someId}`],
      ['patch', `/api/v1/cases/${someId}`],
      ['post', `/api/v1/cases/${someId}/assign`],
      ['post', `/api/v1/cases/${someId}/notes`],
      ['post', `/api/v1/cases/${someId}/replies`],
      ['get', `/api/v1/attachments/${someId}`],
      ['get', '/api/v1/topics'],
      ['post', '/api/v1/topics'],
      ['get', '/api/v1/queues'],
    ];

    it.each(staffRoutes)('%s %s answers 401 without a token', async (method, path) => {
      expectApiError(await server.request[method](path), 401);
    });

    it('answers 401 to a token that was never issued', async () => {
      expectApiError(await server.as('made-up-token').get('/api/v1/cases'), 401);
    });
  });

  describe('managing staff users', () => {
    it('lets an administrator create an agent with languages, skills and capacity, who can then sign in', async () => {
      const admin = await server.adminToken();
      const email = `agent-${randomUUID().slice(0, 8)}@kommune.test`;

      const created = await server.as(admin).post('/api/v1/users').send({
        email, name: 'Mette Agent', password: 'Agent-Adgang-1234', role: 'agent', languages: ['da', 'en'],
        skills: [{ topic: 'affald', level: 4 }, { topic: 'parkering', level: 2 }], capacity: { webform: 3, phone: 1 },
      });

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(String), email, name: 'Mette Agent', role: 'agent', languages: ['da', 'en'],
        skills: expect.arrayContaining([{ topic: 'affald', level: 4 }, { topic: 'parkering', level: 2 }]),
        capacity: expect.objectContaining({ webform: 3, phone: 1 }),
      });
      expect(created.body).not.toHaveProperty('password');
      expect(created.body).not.toHaveProperty('passwordHash');
      const me = await server.as(await server.login(email, 'Agent-Adgang-1234')).get('/api/v1/me');
      expect(me.body).toMatchObject({ id: created.body.id, role: 'agent' });
    });

    it.each(['generelt', 'affald', 'veje', 'parkering', 'byggeri', 'skat-og-ejendom', 'pas-og-koerekort', 'ydelser', 'aeldre-og-pleje', 'boern-og-skole'])(
      'accepts a skill in the seeded topic %s',
      async (topic) => {
        const staff = await server.createStaff('agent', { skills: [{ topic, level: 3 }] });

        const me = await server.as(staff.token).get('/api/v1/me');

        expect(me.body.skills).toEqual([{ topic, level: 3 }]);
      },
    );

    it('refuses a second user with the same email, whatever its case, with 409', async () => {
      const existing = await server.createStaff('agent');

      const duplicate = await server.as(await server.adminToken()).post('/api/v1/users').send({
        email: existing.email.toUpperCase(), name: 'Twin', password: 'Endnu-En-Adgang-99', role: 'agent',
      });

      expectApiError(duplicate, 409, 'already exists');
    });

    it('forbids an agent to create users', async () => {
      const agent = await server.createStaff('agent');

      const response = await server.as(agent.token).post('/api/v1/users').send({
        email: `x-${randomUUID().slice(0, 8)}@kommune.test`, name: 'X', password: 'Agent-Laver-Bruger-1', role: 'admin',
      });

      expectApiError(response, 403);
    });

    it('lets a supervisor list staff but not an agent', async () => {
      const supervisor = await server.createStaff('supervisor');
      const agent = await server.createStaff('agent');

      const list = await server.as(supervisor.token).get('/api/v1/users');

      expect(list.status).toBe(200);
      expect(list.body.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining([ADMIN_EMAIL, supervisor.email, agent.email]));
      expectApiError(await server.as(agent.token).get('/api/v1/users'), 403);
    });

    it('ends every session of a user who is disabled, and keeps them out', async () => {
      const agent = await server.createStaff('agent');
      const secondSession = await server.login(agent.email, agent.password);

      const disabled = await server.as(await server.adminToken()).patch(`/api/v1/users/${agent.id}`).send({ disabled: true });

      expect(disabled.status).toBe(200);
      expect(disabled.body.disabled).toBe(true);
      expectApiError(await server.as(agent.token).get('/api/v1/me'), 401);
      expectApiError(await server.as(secondSession).get('/api/v1/me'), 401);
      const again = await server.request.post('/api/v1/auth/login').send({ email: agent.email, password: agent.password });
      expectApiError(again, 403, 'disabled');
    });

    it('does not let an administrator disable themselves', async () => {
      const admin = await server.adminToken();
      const me = await server.as(admin).get('/api/v1/me');

      expectApiError(await server.as(admin).patch(`/api/v1/users/${me.body.id}`).send({ disabled: true }), 409);
    });
  });

  describe('presence', () => {
    it('lets a staff member go away with a reason and come back', async () => {
      const agent = await server.createStaff('agent');

      const away = await server.as(agent.token).put('/api/v1/me/presence').send({ status: 'away', reason: 'frokost' });
      expect(away.status).toBe(200);
      expect(away.body).toMatchObject({ presence: 'away', presenceReason: 'frokost' });

      const back = await server.as(agent.token).put('/api/v1/me/presence').send({ status: 'available' });
      expect(back.body).toMatchObject({ presence: 'available', presenceReason: null });
      expect((await server.as(agent.token).get('/api/v1/me')).body.presence).toBe('available');
    });

    it('refuses a presence that does not exist, naming the allowed ones', async () => {
      const agent = await server.createStaff('agent');

      expectApiError(await server.as(agent.token).put('/api/v1/me/presence').send({ status: 'busy' }), 400, 'available, away, offline');
    });
  });
});
