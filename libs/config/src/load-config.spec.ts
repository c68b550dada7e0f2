import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.publicRateLimit).toBe(10);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.timeZone).toBe('Europe/Copenhagen');
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number/],
    [{ PORT: '70000' }, /^PORT must be a whole number from 0 to 65535/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^DATABASE_URL must start with postgres:/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL must be a URL/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of fatal, error/],
    [{ PUBLIC_RATE_LIMIT: '-1' }, /^PUBLIC_RATE_LIMIT/],
    [{ ADMIN_EMAIL: 'a@b.dk' }, /^ADMIN_EMAIL and ADMIN_PASSWORD must be set together/],
    [{ ADMIN_EMAIL: 'a@b.dk', ADMIN_PASSWORD: 'short' }, /^ADMIN_PASSWORD must be at least 12/],
    [{ TIME_ZONE: 'Mars/Olympus' }, /^TIME_ZONE must be an IANA time zone/],
    [{ DEMO: 'yes' }, /^DEMO must be 1, 0, true or false/],
  ])('rejects %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lets PUBLIC_RATE_LIMIT=0 turn the limit off', () => {
    expect(loadConfig({ PUBLIC_RATE_LIMIT: '0' }).publicRateLimit).toBe(0);
  });
});
