import { Injectable } from '@nestjs/common';
import type { Language, Sql } from '@kontakt/core';

export interface PhoneCallRow {
  call_sid: string;
  contact_id: string;
  case_id: string;
  from_number: string | null;
  language: Language;
  topic_id: string | null;
  agent_id: string | null;
  final_status: string | null;
  recording_sid: string | null;
  outcome: string | null;
  case_status: string;
  case_assignee_id: string | null;
}

export interface NewPhoneCall {
  callSid: string;
  contactId: string;
  caseId: string;
  fromNumber?: string;
  language: Language;
  topicId?: string;
  agentId?: string;
}

/** Call records and what they write on their contact: outcome, duration, cost, recording, transcript. */
@Injectable()
export class PhoneCallsRepository {
  async insert(tx: Sql, call: NewPhoneCall): Promise<void> {
    await tx.rows(
      `INSERT INTO phone_calls (call_sid, contact_id, case_id, from_number, language, topic_id, agent_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [call.callSid, call.contactId, call.caseId, call.fromNumber ?? null, call.language, call.topicId ?? null, call.agentId ?? null],
    );
  }

  /** The call with its contact's outcome and its case's state, locked for the update that follows. */
  lock(tx: Sql, callSid: string): Promise<PhoneCallRow | undefined> {
    return tx.one(
      `SELECT p.call_sid, p.contact_id, p.case_id, p.from_number, p.language, p.topic_id, p.agent_id, p.final_status, p.recording_sid,
              ct.outcome, c.status AS case_status, c.assignee_id AS case_assignee_id
       FROM phone_calls p JOIN contacts ct ON ct.id = p.contact_id JOIN cases c ON c.id = p.case_id
       WHERE p.call_sid = $1 FOR UPDATE OF p`,
      [callSid],
    );
  }

  /** Sets the outcome and appends a line to the contact's text (a call's story grows as it goes). */
  async noteOnContact(tx: Sql, contactId: string, outcome: string | undefined, line: string | undefined): Promise<void> {
    await tx.rows(
      `UPDATE contacts SET outcome = coalesce($2, outcome), body_text = CASE WHEN $3::text IS NULL THEN body_text ELSE body_text || E'\\n\\n' || $3 END
       WHERE id = $1`,
      [contactId, outcome ?? null, line ?? null],
    );
  }

  async setAgent(tx: Sql, callSid: string, agentId: string | null): Promise<void> {
    await tx.rows('UPDATE phone_calls SET agent_id = $2, updated_at = now() WHERE call_sid = $1', [callSid, agentId]);
  }

  /** Records the voicemail once: false when this RecordingSid was already recorded (a Twilio retry). */
  async setRecording(tx: Sql, callSid: string, recordingSid: string, recordingUrl: string): Promise<boolean> {
    const rows = await tx.rows<{ call_sid: string }>(
      `UPDATE phone_calls SET recording_sid = $2, recording_url = $3, updated_at = now() WHERE call_sid = $1 AND recording_sid IS NULL RETURNING call_sid`,
      [callSid, recordingSid, recordingUrl],
    );
    return rows.length > 0;
  }

  /** Adds the transcript to the voicemail's contact once; undefined when unknown or already done. */
  async setTranscript(tx: Sql, recordingSid: string, transcript: string): Promise<{ contact_id: string; case_id: string } | undefined> {
    return tx.one(
      `UPDATE phone_calls SET transcript = $2, updated_at = now() WHERE recording_sid = $1 AND transcript IS NULL RETURNING contact_id, case_id`,
      [recordingSid, transcript],
    );
  }

  /** The final status callback: the call's status, duration, and its outcome when nothing more telling was recorded. */
  async finish(tx: Sql, callSid: string, status: string, durationSeconds: number | undefined): Promise<boolean> {
    const rows = await tx.rows<{ contact_id: string }>(
      `WITH call AS (UPDATE phone_calls SET final_status = $2, updated_at = now() WHERE call_sid = $1 AND final_status IS NULL RETURNING contact_id)
       UPDATE contacts SET duration_seconds = $3, outcome = coalesce(outcome, $2) FROM call WHERE contacts.id = call.contact_id RETURNING contacts.id`,
      [callSid, status, durationSeconds ?? null],
    );
    return rows.length > 0;
  }

  async setCost(sql: Sql, callSid: string, costMinor: number): Promise<void> {
    await sql.rows(
      `WITH call AS (UPDATE phone_calls SET price_fetched = true, updated_at = now() WHERE call_sid = $1 RETURNING contact_id)
       UPDATE contacts SET direct_cost_minor = $2 FROM call WHERE contacts.id = call.contact_id`,
      [callSid, costMinor],
    );
  }

  /** A call as staff look it up by its CallSid. */
  byCallSid(sql: Sql, callSid: string) {
    return sql.one<{ call_sid: string; case_id: string; contact_id: string; agent_id: string | null; final_status: string | null; recording_url: string | null; transcript: string | null }>(
      'SELECT call_sid, case_id, contact_id, agent_id, final_status, recording_url, transcript FROM phone_calls WHERE call_sid = $1',
      [callSid],
    );
  }

  /** The call's call-back request; false when this call already has one (a Twilio retry). */
  async insertCallback(tx: Sql, callSid: string, caseId: string, phone: string, dueAt: Date): Promise<boolean> {
    const rows = await tx.rows(
      'INSERT INTO phone_callbacks (call_sid, case_id, phone, due_at) VALUES ($1, $2, $3, $4) ON CONFLICT (call_sid) DO NOTHING RETURNING id',
      [callSid, caseId, phone, dueAt],
    );
    return rows.length > 0;
  }

  /** Open call-backs, soonest due first; of one case when caseId is given. */
  openCallbacks(sql: Sql, caseId?: string): Promise<{ id: string; case_id: string; reference: string; phone: string; due_at: Date; created_at: Date }[]> {
    return sql.rows(
      `SELECT b.id, b.case_id, c.reference, b.phone, b.due_at, b.created_at FROM phone_callbacks b JOIN cases c ON c.id = b.case_id
       WHERE b.done_at IS NULL AND ($1::uuid IS NULL OR b.case_id = $1) ORDER BY b.due_at, b.id LIMIT 500`,
      [caseId ?? null],
    );
  }

  /** The case of the call-back, or undefined when there is no open call-back with this id. */
  async completeCallback(sql: Sql, id: string): Promise<string | undefined> {
    const row = await sql.one<{ case_id: string }>('UPDATE phone_callbacks SET done_at = now() WHERE id = $1 AND done_at IS NULL RETURNING case_id', [id]);
    return row?.case_id;
  }

  async setCallHandling(tx: Sql, contactId: string, durationSeconds: number, outcome: string): Promise<void> {
    await tx.rows('UPDATE contacts SET duration_seconds = $2, outcome = $3 WHERE id = $1', [contactId, durationSeconds, outcome]);
  }

  /** The citizen's most recent case in this topic that is still open, to thread a new call into. */
  async openCaseOfCaller(sql: Sql, phone: string, topicId: string | undefined): Promise<string | undefined> {
    const row = await sql.one<{ reference: string }>(
      `SELECT c.reference FROM citizen_identities i JOIN cases c ON c.citizen_id = i.citizen_id
       WHERE i.kind = 'phone' AND i.value = $1 AND c.status NOT IN ('resolved', 'closed') AND ($2::uuid IS NULL OR c.topic_id = $2)
       ORDER BY c.last_contact_at DESC LIMIT 1`,
      [phone, topicId ?? null],
    );
    return row?.reference;
  }
}
