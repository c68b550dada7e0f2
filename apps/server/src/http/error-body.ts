import { STATUS_CODES } from 'node:http';

/** Every error Kontakt answers with: `{statusCode, error, message}`, the message written for a person. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

export const errorBody = (statusCode: number, message: string): ErrorBody => ({
  statusCode,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
});
