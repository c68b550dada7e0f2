import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** Status links carry the citizen's private token; it never reaches a log line. */
const redactPath = (url = '') => url.replace(/\/status\/[^/?#]+/, '/status/[token]').replace(/\?.*$/, '');

/** One line per HTTP request: 5xx as errors, 4xx as warnings, the rest at info; health checks only at debug. */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customLogLevel: (request: IncomingMessage, response: ServerResponse, error?: Error) => {
      if (error || response.statusCode >= 500) return 'error';
      if (response.statusCode >= 400) return 'warn';
      return request.url === '/health' ? 'debug' : 'info';
    },
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, path: redactPath(request.url) }),
      res: (response: { statusCode: number }) => ({ status: response.statusCode }),
    },
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
  });
}
