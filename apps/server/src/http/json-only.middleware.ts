import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './error-body';

/**
 * The JSON API takes JSON (or multipart for uploads). A body of any other type would otherwise be
 * silently ignored and reported as missing fields; we say what is wrong instead.
 */
export function jsonOnly(request: Request, response: Response, next: NextFunction): void {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody || request.is('application/json') || request.is('multipart/form-data')) return next();
  response.status(415).json(errorBody(415, 'Send the body as JSON with Content-Type: application/json'));
}
