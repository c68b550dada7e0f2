import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { expectApiError, listAllCases } from './support/api-expectations';
import { submitCase, WEBFORM_PATH, webformFields } from './support/factories';
import { startServer, TestServer } from './support/test-server';

/** A request that must be refused: what to send, the status expected and words the message must contain. */
type BadRequest = [description: string, send: (server: TestServer, token: string) => Test, status: number, message: string | RegExp];

const OVER_LIMIT = 'x'.repeat(300 * 1024);
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const newUser = (fields: Record<string, unknown> = {}) => ({
  email: `ny-${randomUUID().slice(0, 8)}@kommune.test`, name: 'Ny Medarbejder', password: 'Lang-Nok-Adgang-42', role: 'agent', ...fields,
});
const cursor = (text: string) => Buffer.from(text).toString('base64url');
const raw = (test: Test, contentType: string, body: string) => test.set('Content-Type', contentType).send(body);

const staffRequests: BadRequest[] = [
  ['malformed JSON to POST /users', (s, t) => raw(s.as(t).post('/api/v1/users'), 'application/json', '{"email": "a@b.dk", '), 400, 'JSON'],
  ['malformed JSON to POST /auth/login', (s) => raw(s.request.post('/api/v1/auth/login'), 'application/json', '{email: nope}'), 400, 'JSON'],
  ['malformed JSON to PATCH /cases/:id', (s, t) => raw(s.as(t).patch(`/api/v1/cases/${UNKNOWN_ID}`), 'application/json', '{"status":'), 400, 'JSON'],
  ['text/plain to POST /users', (s, t) => raw(s.as(t).post('/api/v1/users'), 'text/plain', 'email=a@b.dk'), 415, 'application/json'],
  ['text/plain to PUT /me/presence', (s, t) => raw(s.as(t).put('/api/v1/me/presence'), 'text/plain', 'away'), 415, 'application/json'],
  ['JSON in a charset other than UTF-8', (s, t) => raw(s.as(t).put('/api/v1/me/presence'), 'application/json; charset=latin1', '{"status":"away"}'), 415, /charset|UTF-8/i],
  ['an unknown field in a new user', (s, t) => s.as(t).post('/api/v1/users').send(newUser({ superuser: true })), 400, 'superuser'],
  ['an unknown field in a skill', (s, t) => s.as(t).post('/api/v1/users').send(newUser({ skills: [{ topic: 'affald', level: 2, boss: true }] })), 400, 'boss'],
  ['an unknown field in a presence change', (s, t) => s.as(t).put('/api/v1/me/presence').send({ status: 'away', mood: 'glad' }), 400, 'mood'],
  ['a number as email', (s, t) => s.as(t).post('/api/v1/users').send(newUser({ email: 42 })), 400, 'email'],
  ['a string as a capacity', (s, t) => s.as(t).post('/api/v1/users').send(newUser({ capacity: { phone: 'two' } })), 400, 'phone'],
  ['a string as skills', (s, t) => s.as(t).post('/api/v1/users').send(newUser({ skills: 'affald' })), 400, 'skills'],
  ['an array as a note body', (s, t) => s.as(t).post(`/api/v1/cases/${UNKNOWN_ID}/notes`).send({ body: ['hej'] }), 400, 'body'],
  ['a string as the disabled flag', (s, t) => s.as(t).patch(`/api/v1/users/${UNKNOWN_ID}`).send({ disabled: 'yes' }), 400, 'disabled'],
  ['a number as password at login', (s) => s.request.post('/api/v1/auth/login').send({ email: 'a@kommune.test', password: 12345 }), 400, 'password'],
  ['a new user without an email', (s, t) => s.as(t).post('/api/v1/users').send(newUser({ email: undefined })), 400, 'email'],
  ['a new user without a role', (s, t) => s.as(t).post('/api/v1/users').send(newUser({ role: undefined })), 400, 'role'],
  ['a note without a body', (s, t) => s.as(t).post(`/api/v1/cases/${UNKNOWN_ID}/notes`).send({}), 400, 'body'],
  ['an assignment without an assignee', (s, t) => s.as(t).post(`/api/v1/cases/${UNKNOWN_ID}/assign`).send({}), 400, 'assigneeId'],
  ['an invalid email for a new user', (s, t) => s.as(t).post('/api/v1/users').send(newUser({ email: 'ikke-en-adresse' })), 400, 'email'],
  ['an invalid email at login', (s) => s.request.post('/api/v1/auth/login').send({ email: 'admin', password: 'x' }), 400, 'email'],
  ['a NUL character in a name', (s, t) => s.as(t).post('/api/v1/users').send(newUser({ name: 'Ny\u0000Medarbejder' })), 400, 'name'],
  ['the same topic twice in skills', (s, t) => s.as(t).post('/api/v1/users').send(newUser({ skills: [{ topic: 'affald', level: 1 }, { topic: 'affald', level: 3 }] })), 400, 'affald'],
  ['a role that does not exist', (s, t) => s.as(t).post('/api/v1/users').send(newUser({ role: 'owner' })), 400, 'role'],
  ['a skill in a topic that does not exist', (s, t) => s.as(t).post('/api/v1/users').send(newUser({ skills: [{ topic: 'rumfart', level: 1 }] })), 422, 'rumfart'],
  ['a body over the size limit', (s, t) => s.as(t).post(`/api/v1/cases/${UNKNOWN_ID}/notes`).send({ body: OVER_LIMIT }), 413, 'too large'],
  ['a case id that is not a UUID', (s, t) => s.as(t).get('/api/v1/cases/12345'), 400, 'UUID'],
  ['a user id that is not a UUID', (s, t) => s.as(t).patch('/api/v1/users/admin').send({ name: 'X' }), 400, /uuid/i],
  ['a case that does not exist', (s, t) => s.as(t).get(`/api/v1/cases/${UNKNOWN_ID}`), 404, UNKNOWN_ID],
  ['a note on a case that does not exist', (s, t) => s.as(t).post(`/api/v1/cases/${UNKNOWN_ID}/notes`).send({ body: 'hej' }), 404, UNKNOWN_ID],
  ['a status change on a case that does not exist', (s, t) => s.as(t).patch(`/api/v1/cases/${UNKNOWN_ID}`).send({ status: 'resolved' }), 404, UNKNOWN_ID],
  ['a user that does not exist', (s, t) => s.as(t).patch(`/api/v1/users/${UNKNOWN_ID}`).send({ name: 'X' }), 404, UNKNOWN_ID],
  ['a page size of 0', (s, t) => s.as(t).get('/api/v1/cases?limit=0'), 400, 'limit'],
  ['a page size that is not a number', (s, t) => s.as(t).get('/api/v1/cases?limit=many'), 400, 'limit'],
  ['a status filter that does not exist', (s, t) => s.as(t).get('/api/v1/cases?status=queued,lost'), 400, 'status'],
  ['an assignee filter that is not me, none or an id', (s, t) => s.as(t).get('/api/v1/cases?assignee=bob'), 400, 'assignee'],
  ['an unknown query parameter', (s, t) => s.as(t).get('/api/v1/cases?sort=oldest'), 400, 'sort'],
];

const publicRequests: BadRequest[] = [
  ['malformed JSON', (s) => raw(s.request.post(WEBFORM_PATH), 'application/json', '{"name": "Karen", "message": '), 400, 'JSON'],
  ['a text/plain body', (s) => raw(s.request.post(WEBFORM_PATH), 'text/plain', 'Hej kommune'), 415, 'application/json'],
  ['an unknown field', (s) => s.request.post(WEBFORM_PATH).send({ ...webformFields(), priority: 4 }), 400, 'priority'],
  ['a number as name', (s) => s.request.post(WEBFORM_PATH).send({ ...webformFields(), name: 123 }), 400, 'name'],
  ['an object as message', (s) => s.request.post(WEBFORM_PATH).send({ ...webformFields(), message: { text: 'hej' } }), 400, 'message'],
  ['a boolean as email', (s) => s.request.post(WEBFORM_PATH).send({ ...webformFields(), email: true }), 400, 'email'],
  ['no message', (s) => s.request.post(WEBFORM_PATH).send({ ...webformFields(), message: undefined }), 400, 'message'],
  ['an empty message', (s) => s.request.post(WEBFORM_PATH).send({ ...webformFields(), message: '   ' }), 400, 'message'],
  ['no name', (s) => s.request.post(WEBFORM_PATH).send({ ...webformFields(), name: undefined }), 400, 'name'],
  ['an invalid email', (s) => s.request.post(WEBFORM_PATH).send({ ...webformFields(), email: 'karen@' }), 400, 'email'],
  ['an invalid phone number', (s) => s.request.post(WEBFORM_PATH).send({ ...webformFields(), phone: '12' }), 400, 'phone'],
  ['a body over the size limit', (s) => s.request.post(WEBFORM_PATH).send({ ...webformFields(), message: OVER_LIMIT }), 413, 'too large'],
];

describe('bad input is refused with a 4xx and a message a person can act on, never a 5xx', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.adminToken();
  });

  afterAll(async () => {
    await server?.stop();
  });

  describe('staff API', () => {
    it.each(staffRequests)('refuses %s', async (_, send, status, message) => {
      expectApiError(await send(server, admin), status, message);
    });

    it('explains malformed JSON, a foreign charset and an oversized body in its own words', async () => {
      const login = () => server.request.post('/api/v1/auth/login');

      expectApiError(await raw(login(), 'application/json', '{"email":'), 400, 'The request body is not valid JSON');
      expectApiError(await raw(login(), 'application/json; charset=latin1', '{}'), 415, 'Send the body as UTF-8');
      expectApiError(await login().send({ email: OVER_LIMIT, password: 'x' }), 413, 'The request body is too large');
    });

    it.each([
      ['that holds no timestamp and id', cursor('not-a-cursor')],
      ['naming a day that does not exist', cursor(`2026-02-30 12:00:00+00|${UNKNOWN_ID}`)],
      ['naming the year 0', cursor(`0000-01-01 00:00:00+00|${UNKNOWN_ID}`)],
    ])('refuses a cursor it did not hand out: one %s', async (_, value) => {
      const response = await server.as(admin).get('/api/v1/cases').query({ cursor: value });

      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body.message).toMatch(/cursor/);
    });

    it('refuses a NUL character in a note on a real case', async () => {
      const { id } = await submitCase(server);

      expectApiError(await server.as(admin).post(`/api/v1/cases/${id}/notes`).send({ body: 'før\u0000efter' }), 400, 'body');
    });
  });

  describe('public web form', () => {
    let casesBefore: number;

    beforeEach(async () => {
      casesBefore = (await listAllCases(server, admin)).length;
    });

    afterEach(async () => {
      expect((await listAllCases(server, admin)).length).toBe(casesBefore);
    });

    it.each(publicRequests)('refuses %s and records no case', async (_, send, status, message) => {
      expectApiError(await send(server, admin), status, message);
    });

    it('still accepts a valid submission after all that', async () => {
      const response = await server.request.post(WEBFORM_PATH).send(webformFields());

      expect(response.status).toBe(201);
      casesBefore += 1;
    });
  });
});
