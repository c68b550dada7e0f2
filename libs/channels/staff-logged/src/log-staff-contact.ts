import { Injectable, Logger } from '@nestjs/common';
import { DomainError, invalid, notFound } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { CaseReadsRepository, CasesRepository } from '@kontakt/cases';
import { normaliseEmail, normalisePhone } from '@kontakt/citizens';
import type { StaffPrincipal } from '@kontakt/identity';
import { IntakeService } from '@kontakt/intake';
import type { LogStaffContactDto } from './staff-logged.dto';
import { StaffLoggedRepository } from './staff-logged.repository';

/**
 * Records a phone call that did not go through Twilio, or a counter visit, with its duration and
 * outcome: on an existing case or as a new one, so every contact the municipality pays for is counted.
 * An inbound one goes through intake like any contact; an outbound call (staff rang the citizen) is
 * added to its case as staff's own contact, and when it reached the citizen it settles the case's
 * open call-back requests.
 */
@Injectable()
export class LogStaffContact {
  private readonly logger = new Logger(LogStaffContact.name);

  constructor(
    private readonly db: Database,
    private readonly intake: IntakeService,
    private readonly cases: CasesRepository,
    private readonly reads: CaseReadsRepository,
    private readonly handling: StaffLoggedRepository,
  ) {}

  async execute(input: LogStaffContactDto, staff: StaffPrincipal) {
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
    if (occurredAt.getTime() > Date.now() + 60_000) throw invalid('occurredAt must not be in the future');
    const existing = input.caseId ? await this.reads.byId(input.caseId) : undefined;
    if (input.caseId && !existing) throw notFound(`Case ${input.caseId}`);
    const result = input.direction === 'outbound' ? await this.outbound(input, staff, occurredAt) : await this.inbound(input, staff, occurredAt, existing?.reference);
    this.logger.log({ event: 'staff_contact_logged', channel: input.channel, caseId: result.caseId, contactId: result.contactId, by: staff.userId });
    return result;
  }

  private async inbound(input: LogStaffContactDto, staff: StaffPrincipal, occurredAt: Date, reference: string | undefined) {
    const phone = input.citizen?.phone ? normalisePhone(input.citizen.phone) : undefined;
    if (input.citizen?.phone && !phone) throw invalid('citizen.phone must be a phone number (Danish numbers may leave out +45)');
    const email = input.citizen?.email ? normaliseEmail(input.citizen.email) : undefined;
    if (!reference && !phone && !email && !input.citizen?.name) throw invalid('Give caseId, or the citizen (name, phone or email) for a new case');
    const result = await this.intake.receive(
      {
        channel: input.channel, sender: reference ? {} : { name: input.citizen?.name, phone, email }, bodyText: input.summary, topicSlug: input.topic, occurredAt,
        thread: reference ? { references: [reference] } : undefined,
      },
      { inTransaction: (tx, recorded) => this.handling.setHandling(tx, recorded.contactId, staff.userId, input.durationSeconds, input.outcome) },
    );
    return { caseId: result.caseId, reference: result.reference, contactId: result.contactId, newCase: result.newCase };
  }

  private async outbound(input: LogStaffContactDto, staff: StaffPrincipal, occurredAt: Date) {
    if (!input.caseId) throw invalid('An outbound call is logged on an existing case: give caseId');
    return this.db.transaction(async (tx) => {
      const current = await this.cases.lock(tx, input.caseId!);
      if (!current) throw notFound(`Case ${input.caseId}`);
      if (current.status === 'closed') throw new DomainError('conflict', 'The case is closed; a new enquiry needs a new case');
      const contactId = await this.cases.insertContact(tx, {
        caseId: current.id, citizenId: current.citizen_id, channel: input.channel, direction: 'outbound', sender: { name: staff.name },
        bodyText: input.summary, authorId: staff.userId, occurredAt, language: current.language,
      });
      await this.handling.setHandling(tx, contactId, staff.userId, input.durationSeconds, input.outcome);
      if (input.channel === 'phone' && input.outcome !== 'no-answer' && input.outcome !== 'busy') await this.handling.completeCallbacks(tx, current.id);
      await this.cases.insertEvents(tx, [{ caseId: current.id, type: 'contact_logged', actorKind: 'staff', actorId: staff.userId, data: { contactId, channel: input.channel, direction: 'outbound' } }]);
      await this.cases.touch(tx, current.id);
      return { caseId: current.id, reference: current.reference, contactId, newCase: false };
    });
  }
}
