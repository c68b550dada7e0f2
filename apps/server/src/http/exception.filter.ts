import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, DomainErrorKind } from '@kontakt/core';
import { errorBody } from './error-body';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  too_many_requests: 429,
};

/** Body-parser and multer failures carry a status or a code; they are the client's fault. */
function clientErrorOf(error: unknown): { status: number; message: string } | undefined {
  const e = error as { type?: string; status?: number; code?: string; message?: string };
  if (e?.type === 'entity.parse.failed') return { status: 400, message: `The request body is not valid JSON (${e.message})` };
  if (e?.type === 'entity.too.large') return { status: 413, message: 'The request body is too large' };
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') return { status: 415, message: 'Send the body as UTF-8 (charset=utf-8)' };
  if (e?.type === 'request.aborted') return { status: 400, message: 'The request was aborted before its body arrived' };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return { status: e.status, message: e.message ?? 'Bad request' };
  return undefined;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/**
 * Maps everything thrown to `{statusCode, error, message}`: HTTP exceptions as they are, domain
 * errors by kind, parser errors as 4xx. Anything else is a bug: logged with its stack, answered 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    let status: number;
    let message: string;
    // Nest wraps body-parser failures in HttpExceptions; the parser's error, kept as the cause, says what went wrong.
    const parserError = exception instanceof HttpException ? clientErrorOf(exception.cause) : undefined;
    if (parserError) {
      ({ status, message } = parserError);
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      message = messageOf(exception);
    } else if (exception instanceof DomainError) {
      status = STATUS_OF_KIND[exception.kind];
      message = exception.message;
    } else {
      const client = clientErrorOf(exception);
      if (client) {
        ({ status, message } = client);
      } else {
        status = 500;
        message = 'Something went wrong on our side; the error has been logged';
        this.logger.error({ event: 'unhandled_error', method: request.method, path: request.path, err: exception });
      }
    }
    if (response.headersSent) return;
    response.status(status).json(errorBody(status, message));
  }
}
