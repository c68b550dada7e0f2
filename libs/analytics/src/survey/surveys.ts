import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { DomainError, notFound } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { RollupsRepository } from '../data/rollups.repository';
import { AnalyticsMailer } from '../monthly/analytics-mailer';
import { SurveyRepository } from './survey.repository';

/** Survey link tokens are 32 random bytes; only their SHA-256 is stored, as with status links. */
export const SURVEY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const hash = (token: string) => createHash('sha256').update(token).digest();

const INVITATION = {
  da: (reference: string, url: string) => ({
    subject: `Hvordan gik det med din sag ${reference}?`,
    text: `Din sag ${reference} er løst. Vil du svare på ét spørgsmål om, hvordan du blev hjulpet?\n\n${url}\n\nTak for hjælpen.\n`,
  }),
  en: (reference: string, url: string) => ({
    subject: `How did we do with your case ${reference}?`,
    text: `Your case ${reference} is resolved. Would you answer one question about how we helped you?\n\n${url}\n\nThank you.\n`,
  }),
};

/**
 * The one-question satisfaction survey after resolution: invitations by email for citizens with an
 * address (sent by the analytics worker), a link staff can hand out by SMS or phone, and answers,
 * which count towards the case's channel on the day given.
 */
@Injectable()
export class Surveys {
  private readonly logger = new Logger(Surveys.name);

  constructor(
    private readonly repository: SurveyRepository,
    private readonly rollups: RollupsRepository,
    private readonly mailer: AnalyticsMailer,
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  private url(token: string): string {
    return `${this.config.publicBaseUrl}/survey/${token}`;
  }

  async inviteResolved(): Promise<void> {
    if (!this.mailer.canSend) return;
    for (const target of await this.repository.resolvedToInvite(50)) {
      const token = randomBytes(32).toString('base64url');
      if (!target.email || !(await this.repository.insert(target.case_id, hash(token)))) continue;
      try {
        await this.mailer.send({ to: [target.email], ...INVITATION[target.language](target.reference, this.url(token)) });
      } catch (error) {
        await this.repository.remove(target.case_id);
        this.logger.warn({ event: 'survey_invitation_failed', caseId: target.case_id, error: (error as Error).message });
      }
    }
  }

  /** A fresh link for a resolved case (the previous unanswered link stops working). */
  async link(caseId: string): Promise<{ url: string }> {
    const found = await this.repository.caseForInvitation(caseId);
    if (!found) throw notFound(`Case ${caseId}`);
    if (found.status !== 'resolved' && found.status !== 'closed') throw new DomainError('conflict', 'A survey link is given once the case is resolved');
    const token = randomBytes(32).toString('base64url');
    if (!(await this.repository.renew(caseId, hash(token)))) throw new DomainError('conflict', 'The citizen has already answered the survey for this case');
    return { url: this.url(token) };
  }

  async find(token: string) {
    if (!SURVEY_TOKEN_PATTERN.test(token)) return undefined;
    return this.repository.byToken(hash(token));
  }

  /** Records the answer and marks the case for folding; false when the link was already answered. */
  async answer(token: string, score: number): Promise<boolean> {
    if (!SURVEY_TOKEN_PATTERN.test(token)) throw notFound('Survey');
    return this.db.transaction(async (tx) => {
      const caseId = await this.repository.answer(tx, hash(token), score);
      if (!caseId) {
        if (!(await this.repository.byToken(hash(token)))) throw notFound('Survey');
        return false;
      }
      await this.rollups.markPending(tx, caseId);
      return true;
    });
  }
}
