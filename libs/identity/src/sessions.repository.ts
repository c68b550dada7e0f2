import { Injectable } from '@nestjs/common';
import { Database } from '@kontakt/database';
import type { Role } from './roles';

export interface ActiveSessionRow {
  session_id: string;
  user_id: string;
  email: string;
  name: string;
  role: Role;
}

/** Staff sessions, stored as SHA-256 hashes of the bearer token so a database leak grants nothing. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly db: Database) {}

  async create(userId: string, tokenHash: Buffer, ttlHours: number): Promise<void> {
    await this.db.rows(
      `INSERT INTO staff_sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`,
      [userId, tokenHash, ttlHours],
    );
  }

  /** The live session for a token: not expired, not revoked, and its user not disabled. */
  findActive(tokenHash: Buffer): Promise<ActiveSessionRow | undefined> {
    return this.db.prepared.one(
      `SELECT s.id AS session_id, u.id AS user_id, u.email, u.name, u.role
       FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.rows('UPDATE staff_sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]);
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.db.rows('UPDATE staff_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }
}
