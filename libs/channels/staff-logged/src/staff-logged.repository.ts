import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';

/** The handling facts a member of staff logs on a contact. */
@Injectable()
export class StaffLoggedRepository {
  async setHandling(tx: Sql, contactId: string, authorId: string, durationSeconds: number, outcome: string): Promise<void> {
    await tx.rows('UPDATE contacts SET author_id = $2, duration_seconds = $3, outcome = $4 WHERE id = $1', [contactId, authorId, durationSeconds, outcome]);
  }

  /** Staff rang the citizen back: the case's open call-back requests (from the phone menu) are done. */
  async completeCallbacks(tx: Sql, caseId: string): Promise<number> {
    return (await tx.rows('UPDATE phone_callbacks SET done_at = now() WHERE case_id = $1 AND done_at IS NULL RETURNING id', [caseId])).length;
  }
}
