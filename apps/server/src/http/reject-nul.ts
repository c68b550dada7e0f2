import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './error-body';

/** PostgreSQL text cannot hold the NUL character, so an address carrying one is refused before it reaches a query. */
export function rejectNulInUrl(request: Request, response: Response, next: NextFunction): void {
  if (/%00/.test(request.originalUrl)) {
    response.status(400).json(errorBody(400, 'The address must not contain the NUL character (%00)'));
    return;
  }
  next();
}
