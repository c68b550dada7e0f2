import { Injectable, Logger } from '@nestjs/common';
import { CasesService } from '@kontakt/cases';
import type { StaffPrincipal } from '@kontakt/identity';
import { CaseResolutionsRepository } from './case-resolutions.repository';
import type { Outcome } from './outcomes';

/**
 * Resolves a case with an outcome code. The status moves through the cases library's state machine
 * (its own transaction, which also tells the router); the outcome is recorded right after it commits,
 * so a resolution is never recorded for a move the state machine refused.
 */
@Injectable()
export class ResolveCase {
  private readonly logger = new Logger(ResolveCase.name);

  constructor(
    private readonly cases: CasesService,
    private readonly resolutions: CaseResolutionsRepository,
  ) {}

  async execute(caseId: string, outcome: Outcome, staff: StaffPrincipal) {
    const detail = await this.cases.changeStatus(caseId, 'resolved', staff);
    await this.resolutions.record(caseId, outcome, staff.userId);
    this.logger.log({ event: 'case_resolved', caseId, outcome, by: staff.userId });
    return { ...detail, resolutions: await this.resolutionsOf(caseId) };
  }

  async resolutionsOf(caseId: string) {
    const rows = await this.resolutions.ofCase(caseId);
    return rows.map((r) => ({ outcome: r.outcome, by: { id: r.resolved_by, name: r.resolver_name }, at: r.resolved_at }));
  }
}
