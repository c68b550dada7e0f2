import { randomInt } from 'node:crypto';
import { submitWebform } from './support/factories';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer } from './support/test-server';

describe('what the server logs', () => {
  it('writes structured JSON lines that never hold a citizen’s message, a password or a token', async () => {
    const server = await startServer({ env: { LOG_LEVEL: 'debug' } });
    const message = `Mit CPR-nummer er 010203-${randomInt(1000, 9999)}, og jeg skylder restskat.`;
    let secrets: string[];
    try {
      const submitted = await submitWebform(server, { message });
      const statusToken = submitted.statusUrl.split('/status/')[1];
      const accessToken = await server.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      await server.as(accessToken).get('/api/v1/cases').query({ text: submitted.reference }).expect(200);
      await server.request.get(`/status/${statusToken}`);
      secrets = [message, ADMIN_PASSWORD, accessToken, statusToken];
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const output = server.output();
    for (const secret of secrets) expect(output).not.toContain(secret);
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const requests = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request');
    expect(requests).toContainEqual(expect.objectContaining({ req: { method: 'GET', path: '/api/v1/cases' }, res: { status: 200 }, responseTime: expect.any(Number) }));
    expect(requests).toContainEqual(expect.objectContaining({ req: { method: 'GET', path: '/status/[token]' }, res: { status: 200 } }));
  });
});
