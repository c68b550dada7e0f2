import type { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import type { LogLevel } from '@kontakt/config';

export function createRootLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'kontakt' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['password', '*.password', 'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
  });
}

/** Nest's logger interface on top of pino: one JSON line per event, objects logged as fields. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  private write(level: 'info' | 'warn' | 'error' | 'debug' | 'trace', message: unknown, context?: string, extra?: Record<string, unknown>) {
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      this.pino[level]({ context, ...extra, ...(message as Record<string, unknown>) });
    } else if (message instanceof Error) {
      this.pino[level]({ context, ...extra, err: message }, message.message);
    } else {
      this.pino[level]({ context, ...extra }, String(message));
    }
  }

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }

  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }

  error(message: unknown, stackOrContext?: string, context?: string) {
    const stack = context ? stackOrContext : undefined;
    this.write('error', message, context ?? stackOrContext, stack ? { stack } : undefined);
  }

  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }

  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
}
