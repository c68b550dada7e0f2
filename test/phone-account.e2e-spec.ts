import { Client } from 'pg';
import { newCallSid, postSigned, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_NUMBER } from './support/twilio-webhooks';
import { startServer, TestServer } from './support/test-server';

describe('the Twilio account set up through the admin API', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startServer({ env: { SECRET_KEY: '12'.repeat(32) } });
    admin = await server.adminToken();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('refuses every webhook while no account is set up', async () => {
    const response = await postSigned(server, '/webhooks/twilio/voice', { CallSid: newCallSid() });
    expect(response.status).toBe(403);
    expect(response.body.message).toBe('Twilio is not set up on this server');
    expect((await server.as(admin).get('/api/v1/phone/account').expect(200)).body).toEqual({ configured: false });
  });

  it('checks signatures with the token an admin sets, keeps it encrypted at rest and never returns it', async () => {
    const saved = await server.as(admin).put('/api/v1/phone/account').send({ accountSid: TWILIO_ACCOUNT_SID, authToken: TWILIO_AUTH_TOKEN, phoneNumber: TWILIO_NUMBER }).expect(200);
    expect(saved.body).toEqual({ configured: true, accountSid: TWILIO_ACCOUNT_SID, phoneNumber: TWILIO_NUMBER, seededFromEnv: false, updatedAt: expect.any(String) });
    expect(JSON.stringify(saved.body)).not.toContain(TWILIO_AUTH_TOKEN);

    await postSigned(server, '/webhooks/twilio/voice', { CallSid: newCallSid() }).expect(200);
    await postSigned(server, '/webhooks/twilio/voice', { CallSid: newCallSid() }, 'oldTokenOldTokenOldTokenOldToken').expect(403);

    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ auth_token_enc: string }>('SELECT auth_token_enc FROM twilio_account');
      expect(rows[0].auth_token_enc).toMatch(/^v1:/);
      expect(rows[0].auth_token_enc).not.toContain(TWILIO_AUTH_TOKEN);
    } finally {
      await db.end();
    }
  });

  it('refuses a malformed account with a message naming the field', async () => {
    const response = await server.as(admin).put('/api/v1/phone/account').send({ accountSid: 'AC123', authToken: TWILIO_AUTH_TOKEN, phoneNumber: '70102030' });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/accountSid must be AC followed by 32 hex digits/);
    expect(response.body.message).toMatch(/phoneNumber must be an E.164 number/);
  });
});
