import { Injectable } from '@nestjs/common';
import { Database } from '@kontakt/database';
import type { Outcome } from './outcomes';

export interface CaseResolutionRow {
  outcome: Outcome;
  resolved_by: string;
  resolver_name: string;
  resolved_at: Date;
}

/** Every time a case was resolved, with the outcome code staff chose. */
@Injectable()
export class CaseResolutionsRepository {
  constructor(private readonly db: Database) {}

  async record(caseId: string, outcome: Outcome, staffId: string): Promise<void> {
    await this.db.rows('INSERT INTO case_resolutions (case_id, outcome, resolved_by) VALUES ($1, $2, $3)', [caseId, outcome, staffId]);
  }

  ofCase(caseId: string): Promise<CaseResolutionRow[]> {
    return this.db.rows(
      `SELECT r.outcome, r.resolved_by, u.name AS resolver_name, r.resolved_at
       FROM case_resolutions r JOIN staff_users u ON u.id = r.resolved_by WHERE r.case_id = $1 ORDER BY r.resolved_at`,
      [caseId],
    );
  }
}
