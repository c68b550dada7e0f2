import { Injectable, Logger } from '@nestjs/common';
import type { Language, Sql } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { CaseChange, CaseRoutingHooks, CasesRepository } from '@kontakt/cases';
import { IntakeService } from '@kontakt/intake';
import { CALL_NOTES } from './ivr-texts';
import { PhoneCallRow, PhoneCallsRepository } from './phone-calls.repository';

export interface CallTopic {
  id: string;
  slug: string;
  nameDa: string;
  nameEn: string;
  queueId: string;
}

/** Who is calling about what: enough to record the call as a contact the first time any step sees it. */
export interface CallStart {
  callSid: string;
  /** E.164, or undefined for a withheld number */
  from?: string;
  language: Language;
  topic?: CallTopic;
}

type Step = (tx: Sql, call: PhoneCallRow, isNew: boolean) => Promise<CaseChange | undefined>;

/**
 * Every call is one contact (external id = CallSid), recorded through intake by whichever step first
 * sees it: put through, call-back, voicemail, or the final status. Later steps and Twilio's retries
 * update the same contact (outcome, text, duration, cost) under a lock on the call's row.
 */
@Injectable()
export class CallRecords {
  private readonly logger = new Logger(CallRecords.name);

  constructor(
    private readonly db: Database,
    private readonly intake: IntakeService,
    private readonly calls: PhoneCallsRepository,
    private readonly cases: CasesRepository,
    private readonly routing: CaseRoutingHooks,
  ) {}

  /** The call is being put through to `agentId`: its new case is assigned to that agent at once. */
  connected(start: CallStart, agentId: string): Promise<void> {
    return this.withCall(start, async (tx, call, isNew) => {
      // Twilio retrying /topic for the same agent: already recorded
      if (!isNew && call.agent_id === agentId) return undefined;
      await this.calls.setAgent(tx, call.call_sid, agentId);
      if (!isNew && start.topic) await this.calls.noteOnContact(tx, call.contact_id, undefined, CALL_NOTES.connected({ da: start.topic.nameDa, en: start.topic.nameEn }));
      if (call.case_status !== 'queued') return undefined;
      await this.cases.setStatus(tx, call.case_id, 'assigned', agentId);
      await this.cases.insertEvents(tx, [{
        caseId: call.case_id, type: 'assigned', fromStatus: 'queued', toStatus: 'assigned', actorKind: 'system', data: { to: agentId, by: 'phone_call', callSid: call.call_sid },
      }]);
      return { caseId: call.case_id, status: 'assigned', assigneeId: agentId, previousAssigneeId: null };
    }, start.topic && CALL_NOTES.connected({ da: start.topic.nameDa, en: start.topic.nameEn }));
  }

  /** The dialled agent answered (completed) or not: an unanswered call's case goes back to the queue. */
  dialled(start: CallStart, dialStatus: string): Promise<void> {
    return this.withCall(start, async (tx, call) => {
      // Twilio retrying /dialled: the outcome is already this dial's
      if (call.outcome === dialStatus || (call.outcome === 'completed' && dialStatus === 'answered')) return undefined;
      if (dialStatus === 'completed' || dialStatus === 'answered') {
        await this.calls.noteOnContact(tx, call.contact_id, 'completed', undefined);
        return undefined;
      }
      await this.calls.noteOnContact(tx, call.contact_id, dialStatus, CALL_NOTES.notAnswered(dialStatus));
      if (call.case_status !== 'assigned' || !call.agent_id || call.case_assignee_id !== call.agent_id) return undefined;
      await this.cases.setStatus(tx, call.case_id, 'queued', null);
      await this.cases.insertEvents(tx, [{
        caseId: call.case_id, type: 'status_changed', fromStatus: 'assigned', toStatus: 'queued', actorKind: 'system', data: { reason: 'call_not_answered', dialStatus },
      }]);
      return { caseId: call.case_id, status: 'queued', assigneeId: null, previousAssigneeId: call.agent_id };
    });
  }

  callbackRequested(start: CallStart & { from: string }, dueAt: Date, due: { da: string; en: string }): Promise<void> {
    return this.withCall(start, async (tx, call) => {
      // once per call: Twilio retrying /choice adds no second request and no second note
      if (!(await this.calls.insertCallback(tx, call.call_sid, call.case_id, start.from, dueAt))) return undefined;
      await this.calls.noteOnContact(tx, call.contact_id, 'callback-requested', CALL_NOTES.callback(start.from, due.da, due.en));
      return undefined;
    });
  }

  voicemail(start: CallStart, recordingSid: string, recordingUrl: string, seconds: number | undefined): Promise<void> {
    return this.withCall(start, async (tx, call) => {
      if (!(await this.calls.setRecording(tx, call.call_sid, recordingSid, recordingUrl))) return undefined;
      await this.calls.noteOnContact(tx, call.contact_id, 'voicemail', CALL_NOTES.voicemail(seconds, recordingUrl));
      return undefined;
    });
  }

  /** Twilio's transcription of a voicemail, added once to its contact. */
  async transcribed(recordingSid: string, text: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const call = await this.calls.setTranscript(tx, recordingSid, text);
      if (call) await this.calls.noteOnContact(tx, call.contact_id, undefined, CALL_NOTES.transcript(text));
    });
  }

  /** The final status callback; a call that ended in the menu becomes a contact of its own here. */
  async finished(start: CallStart, status: string, durationSeconds: number | undefined): Promise<boolean> {
    let first = false;
    await this.withCall(start, async (tx, call, isNew) => {
      if (isNew) await this.calls.noteOnContact(tx, call.contact_id, status === 'completed' ? 'ended-in-menu' : status, CALL_NOTES.endedInMenu(status));
      first = await this.calls.finish(tx, call.call_sid, status, durationSeconds);
      return undefined;
    });
    return first;
  }

  private async withCall(start: CallStart, step: Step, firstLine?: string): Promise<void> {
    let change: CaseChange | undefined;
    const topic = start.topic;
    const thread = start.from ? await this.calls.openCaseOfCaller(this.db, start.from, topic?.id) : undefined;
    const result = await this.intake.receive({
      channel: 'phone', externalId: start.callSid, sender: { phone: start.from },
      subject: CALL_NOTES.subject(topic?.nameDa ?? 'ukendt emne'), bodyText: firstLine ?? CALL_NOTES.started(topic && { da: topic.nameDa, en: topic.nameEn }),
      topicSlug: topic?.slug, language: start.language, thread: thread ? { references: [thread] } : undefined,
    }, {
      inTransaction: async (tx, recorded) => {
        await this.calls.insert(tx, { callSid: start.callSid, contactId: recorded.contactId, caseId: recorded.caseId, fromNumber: start.from, language: start.language, topicId: topic?.id });
        change = await step(tx, (await this.calls.lock(tx, start.callSid))!, true);
      },
    });
    if (result.duplicate) {
      change = await this.db.transaction(async (tx) => {
        const call = await this.calls.lock(tx, start.callSid);
        if (!call) throw new Error(`call ${start.callSid} has a contact but no call record`);
        return step(tx, call, false);
      });
    }
    this.logger.log({ event: 'call_recorded', callSid: start.callSid, caseId: result.caseId, contactId: result.contactId, newContact: !result.duplicate });
    if (change) this.routing.caseChanged(change);
  }
}
