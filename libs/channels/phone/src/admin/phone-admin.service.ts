import { Injectable } from '@nestjs/common';
import { conflict, DomainError, invalid, notFound } from '@kontakt/core';
import { CasesRepository } from '@kontakt/cases';
import { Database } from '@kontakt/database';
import type { StaffPrincipal } from '@kontakt/identity';
import { TwilioAccount } from '../twilio/twilio-account';
import { TwilioAccountRepository } from '../twilio/twilio-account.repository';
import { CallRoutingRepository } from '../voice/call-routing.repository';
import { PhoneCallsRepository } from '../voice/phone-calls.repository';
import type { CallbackDoneDto, IvrMenuDto, TwilioAccountDto } from './phone-admin.dto';

/** Admin settings of the phone channel (account, menu, agents' endpoints) and the call-back list. */
@Injectable()
export class PhoneAdminService {
  constructor(
    private readonly db: Database,
    private readonly account: TwilioAccount,
    private readonly accounts: TwilioAccountRepository,
    private readonly routing: CallRoutingRepository,
    private readonly calls: PhoneCallsRepository,
    private readonly cases: CasesRepository,
  ) {}

  async accountView() {
    const row = await this.accounts.get(this.db);
    return row
      ? { configured: true, accountSid: row.account_sid, phoneNumber: row.phone_number, seededFromEnv: row.seeded_from_env, updatedAt: row.updated_at }
      : { configured: false };
  }

  async setAccount(input: TwilioAccountDto) {
    const current = await this.accounts.get(this.db);
    if (current?.seeded_from_env) throw conflict('The Twilio account comes from TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN; change those instead');
    await this.account.save({ accountSid: input.accountSid, authToken: input.authToken, phoneNumber: input.phoneNumber }, false);
    return this.accountView();
  }

  async menu() {
    return (await this.routing.menu(this.db)).map((m) => ({ digit: m.digit, topic: m.slug, nameDa: m.nameDa, nameEn: m.nameEn }));
  }

  async setMenu(input: IvrMenuDto) {
    const digits = new Set(input.items.map((i) => i.digit));
    const topics = new Set(input.items.map((i) => i.topic));
    if (digits.size !== input.items.length || topics.size !== input.items.length) throw invalid('Each digit and each topic may appear once in the menu');
    await this.db.transaction(async (tx) => {
      const saved = await this.routing.setMenu(tx, input.items.map((i) => ({ digit: i.digit, topicSlug: i.topic })));
      const missing = input.items.find((i) => !saved.includes(i.topic));
      if (missing) throw invalid(`topic ${missing.topic} does not exist`);
    });
    return this.menu();
  }

  async endpoints() {
    return (await this.routing.endpoints(this.db)).map((e) => ({ userId: e.user_id, name: e.name, endpoint: e.endpoint }));
  }

  async setEndpoint(userId: string, endpoint: string | null) {
    if (!(await this.routing.setEndpoint(this.db, userId, endpoint))) throw notFound(`Staff user ${userId}`);
    return { userId, endpoint };
  }

  async call(callSid: string) {
    const row = await this.calls.byCallSid(this.db, callSid);
    if (!row) throw notFound(`Call ${callSid}`);
    return {
      callSid: row.call_sid, caseId: row.case_id, contactId: row.contact_id, agentId: row.agent_id, finalStatus: row.final_status,
      recordingUrl: row.recording_url, transcript: row.transcript,
    };
  }

  async callbacks(caseId?: string) {
    return (await this.calls.openCallbacks(this.db, caseId)).map((c) => ({ id: c.id, caseId: c.case_id, reference: c.reference, phone: c.phone, dueAt: c.due_at, requestedAt: c.created_at }));
  }

  /**
   * Ticks the call-back off. With an outcome, the same transaction logs the call on the case as staff's
   * outbound phone contact with its duration, outcome and notes, so the case timeline and the channel
   * costs see it; the call-back is done whatever the outcome, as the staff member decided.
   */
  async completeCallback(id: string, report: CallbackDoneDto, staff: StaffPrincipal) {
    if (report.outcome === undefined && (report.durationSeconds !== undefined || report.notes)) throw invalid('Give outcome along with durationSeconds and notes');
    if (report.outcome !== undefined && report.durationSeconds === undefined) throw invalid('durationSeconds is needed with outcome (0 when nobody answered)');
    await this.db.transaction(async (tx) => {
      const caseId = await this.calls.completeCallback(tx, id);
      if (!caseId) throw notFound(`Open call-back ${id}`);
      if (report.outcome === undefined) return;
      const current = await this.cases.lock(tx, caseId);
      if (!current) throw notFound(`Case ${caseId}`);
      if (current.status === 'closed') throw new DomainError('conflict', 'The case is closed; a new enquiry needs a new case');
      const contactId = await this.cases.insertContact(tx, {
        caseId, citizenId: current.citizen_id, channel: 'phone', direction: 'outbound', sender: { name: staff.name },
        bodyText: report.notes?.trim() ?? '', authorId: staff.userId, occurredAt: new Date(), language: current.language,
      });
      await this.calls.setCallHandling(tx, contactId, report.durationSeconds!, report.outcome);
      await this.cases.insertEvents(tx, [{ caseId, type: 'contact_logged', actorKind: 'staff', actorId: staff.userId, data: { contactId, channel: 'phone', direction: 'outbound', callbackId: id } }]);
      await this.cases.touch(tx, caseId);
    });
  }
}
