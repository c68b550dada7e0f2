import { createHash, randomBytes } from 'node:crypto';

/**
 * The private link a citizen follows a case by. Only its SHA-256 is stored, so the link cannot be
 * read back from the database; 32 random bytes make guessing hopeless.
 */
export function newStatusToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashStatusToken(token) };
}

export function hashStatusToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export const STATUS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
