import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { redactPath, requestLevel, requestLogger } from './request-logger';

function exchange(url: string, statusCode: number, finished = true) {
  const request = { method: 'POST', url } as IncomingMessage;
  const response = Object.assign(new EventEmitter(), { statusCode, writableFinished: finished }) as unknown as ServerResponse;
  return { request, response };
}

function capture(level: pino.Level) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('requestLogger', () => {
  it('picks the level from the outcome', () => {
    const level = (url: string, status: number, finished = true) => {
      const { request, response } = exchange(url, status, finished);
      return requestLevel(request, response);
    };
    expect(level('/api/v1/public/webform', 201)).toBe('info');
    expect(level('/health', 200)).toBe('debug');
    expect(level('/api/v1/cases', 409)).toBe('warn');
    expect(level('/api/v1/cases', 200, false)).toBe('warn');
    expect(level('/api/v1/cases', 500)).toBe('error');
  });

  it('writes one line when the response closes, without the status token or query', () => {
    const { logger, lines } = capture('info');
    const { request, response } = exchange('/status/hemmelig-token/follow-up?lang=en', 303);
    requestLogger(logger)(request, response, () => undefined);
    expect(lines).toHaveLength(0);
    response.emit('close');
    expect(lines).toEqual([expect.objectContaining({ msg: 'request', req: { method: 'POST', path: '/status/[token]/follow-up' }, res: { status: 303 } })]);
    expect(redactPath('/status/abc')).toBe('/status/[token]');
  });

  it('leaves out what the level does not let through', () => {
    const { logger, lines } = capture('warn');
    const ok = exchange('/api/v1/public/webform', 201);
    const refused = exchange('/api/v1/public/webform', 422);
    for (const { request, response } of [ok, refused]) {
      requestLogger(logger)(request, response, () => undefined);
      response.emit('close');
    }
    expect(lines).toEqual([expect.objectContaining({ level: 40, res: { status: 422 } })]);
  });
});
