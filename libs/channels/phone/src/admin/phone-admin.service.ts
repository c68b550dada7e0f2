import { Injectable } from '@nestjs/common';
import { conflict, invalid, notFound } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { TwilioAccount } from '../twilio/twilio-account';
import { TwilioAccountRepository } from '../twilio/twilio-account.repository';
import { CallRoutingRepository } from '../voice/call-routing.repository';
import { PhoneCallsRepository } from '../voice/phone-calls.repository';
import type { IvrMenuDto, TwilioAccountDto } from './phone-admin.dto';

/** Admin settings of the phone channel (account, menu, agents' endpoints) and the call-back list. */
@Injectable()
export class PhoneAdminService {
  constructor(
    private readonly db: Database,
    private readonly account: TwilioAccount,
    private readonly accounts: TwilioAccountRepository,
    private readonly routing: CallRoutingRepository,
    private readonly calls: PhoneCallsRepository,
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

  async callbacks() {
    return (await this.calls.openCallbacks(this.db)).map((c) => ({ id: c.id, caseId: c.case_id, reference: c.reference, phone: c.phone, dueAt: c.due_at, requestedAt: c.created_at }));
  }

  async completeCallback(id: string) {
    if (!(await this.calls.completeCallback(this.db, id))) throw notFound(`Open call-back ${id}`);
  }
}
