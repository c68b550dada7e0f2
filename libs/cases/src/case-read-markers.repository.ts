import { Injectable } from '@nestjs/common';
import { Database } from '@kontakt/database';

/**
 * When each staff member last opened each case. Times are the database's clock, the same clock that
 * stamps contacts.created_at, so "a citizen's contact arrived after I looked" compares like with like.
 */
@Injectable()
export class CaseReadMarkersRepository {
  constructor(private readonly db: Database) {}

  /** False when the case does not exist. */
  async markRead(staffId: string, caseId: string): Promise<boolean> {
    const rows = await this.db.rows(
      `INSERT INTO case_read_markers (staff_id, case_id, seen_at) SELECT $1, id, now() FROM cases WHERE id = $2
       ON CONFLICT (staff_id, case_id) DO UPDATE SET seen_at = now() RETURNING case_id`,
      [staffId, caseId],
    );
    return rows.length > 0;
  }

  /** False when the case does not exist. */
  async markUnread(staffId: string, caseId: string): Promise<boolean> {
    const exists = await this.db.one('SELECT 1 FROM cases WHERE id = $1', [caseId]);
    if (!exists) return false;
    await this.db.rows('DELETE FROM case_read_markers WHERE staff_id = $1 AND case_id = $2', [staffId, caseId]);
    return true;
  }
}
