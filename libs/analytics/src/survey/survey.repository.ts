import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';
import { Database } from '@kontakt/database';

export interface SurveyTarget {
  case_id: string;
  reference: string;
  language: 'da' | 'en';
  email: string | null;
}

/** Survey invitations (hashed tokens) and answers. */
@Injectable()
export class SurveyRepository {
  constructor(private readonly db: Database) {}

  /** Cases resolved in the last 30 days whose citizen has an email address and no invitation yet. */
  resolvedToInvite(limit: number): Promise<SurveyTarget[]> {
    return this.db.rows(
      `SELECT c.id AS case_id, c.reference, c.language,
              (SELECT i.value FROM citizen_identities i WHERE i.citizen_id = c.citizen_id AND i.kind = 'email' ORDER BY i.created_at LIMIT 1) AS email
       FROM cases c
       WHERE c.status = 'resolved' AND c.resolved_at > now() - interval '30 days'
         AND NOT EXISTS (SELECT 1 FROM survey_invitations s WHERE s.case_id = c.id)
         AND EXISTS (SELECT 1 FROM citizen_identities i WHERE i.citizen_id = c.citizen_id AND i.kind = 'email')
       ORDER BY c.resolved_at LIMIT $1`,
      [limit]);
  }

  caseForInvitation(caseId: string): Promise<{ reference: string; language: 'da' | 'en'; status: string } | undefined> {
    return this.db.one('SELECT reference, language, status FROM cases WHERE id = $1', [caseId]);
  }

  /** Stores the invitation unless the case has one; true when this call stored it. */
  async insert(caseId: string, tokenHash: Buffer): Promise<boolean> {
    return (await this.db.one('INSERT INTO survey_invitations (case_id, token_hash) VALUES ($1, $2) ON CONFLICT (case_id) DO NOTHING RETURNING case_id', [caseId, tokenHash])) !== undefined;
  }

  /** Replaces a case's unanswered invitation token (a new link for SMS or the phone); false once answered. */
  async renew(caseId: string, tokenHash: Buffer): Promise<boolean> {
    return (await this.db.one(
      `INSERT INTO survey_invitations (case_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (case_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now() WHERE survey_invitations.answered_at IS NULL
       RETURNING case_id`, [caseId, tokenHash])) !== undefined;
  }

  async remove(caseId: string): Promise<void> {
    await this.db.rows('DELETE FROM survey_invitations WHERE case_id = $1 AND answered_at IS NULL', [caseId]);
  }

  byToken(tokenHash: Buffer): Promise<{ case_id: string; reference: string; language: 'da' | 'en'; score: number | null } | undefined> {
    return this.db.one(
      `SELECT s.case_id, c.reference, c.language, s.score FROM survey_invitations s JOIN cases c ON c.id = s.case_id WHERE s.token_hash = $1`,
      [tokenHash]);
  }

  /** Records the first answer only; returns the case id when this call recorded it. */
  async answer(tx: Sql, tokenHash: Buffer, score: number): Promise<string | undefined> {
    const row = await tx.one<{ case_id: string }>(
      `UPDATE survey_invitations SET score = $2, answered_at = now() WHERE token_hash = $1 AND answered_at IS NULL RETURNING case_id`,
      [tokenHash, score]);
    return row?.case_id;
  }
}
