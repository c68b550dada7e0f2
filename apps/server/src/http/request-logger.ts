import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Level, Logger } from 'pino';

/** Status links carry the citizen's private token; it never reaches a log line. */
export const redactPath = (url = '') => url.replace(/\/status\/[^/?#]+/, '/status/[token]').replace(/\?.*$/, '');

/** 5xx as errors, 4xx and requests the client gave up on as warnings, the rest at info; health checks only at debug. */
export function requestLevel(request: IncomingMessage, response: ServerResponse): Level {
  if (response.statusCode >= 500) return 'error';
  if (response.statusCode >= 400 || !response.writableFinished) return 'warn';
  return request.url === '/health' ? 'debug' : 'info';
}

/**
 * One line per HTTP request once its response is done. Nothing is built for a request whose line
 * the log level leaves out, so at LOG_LEVEL=warn a successful request costs one listener
 * (pino-http made a child logger and serialised every request, bench/intake).
 */
export function requestLogger(logger: Logger) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    response.once('close', () => {
      const level = requestLevel(request, response);
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { method: request.method, path: redactPath(request.url) },
          res: { status: response.statusCode },
          responseTime: Number(process.hrtime.bigint() - started) / 1e6,
        },
        response.writableFinished ? (level === 'error' ? 'request failed' : 'request') : 'request aborted',
      );
    });
    next();
  };
}
