import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';

/** SMS bookkeeping: segments and cost on each SMS contact, opt-outs, and where a citizen's texts go. */
@Injectable()
export class SmsRepository {
  /** `twilioNumber` is ours: the number a text was sent to, or a reply's sender. */
  async recordSegments(
    tx: Sql, contactId: string, direction: 'inbound' | 'outbound', messageSid: string | null, segments: number, costMinor: number, twilioNumber: string | undefined,
  ): Promise<void> {
    await tx.rows(
      `WITH sms AS (INSERT INTO sms_messages (contact_id, message_sid, direction, segments, twilio_number) VALUES ($1, $2, $3, $4, $6))
       UPDATE contacts SET direct_cost_minor = $5 WHERE id = $1`,
      [contactId, messageSid, direction, segments, costMinor, twilioNumber ?? null],
    );
  }

  /** What Twilio answered on sending: its MessageSid, its segment count, the price when it already knows it, and the number it was sent from. */
  async recordSent(sql: Sql, contactId: string, messageSid: string, segments: number, costMinor: number, from: string): Promise<void> {
    await sql.rows(
      `WITH sms AS (UPDATE sms_messages SET message_sid = $2, segments = $3, twilio_number = $5 WHERE contact_id = $1)
       UPDATE contacts SET direct_cost_minor = $4 WHERE id = $1`,
      [contactId, messageSid, segments, costMinor, from],
    );
  }

  messagesOfCase(sql: Sql, caseId: string) {
    return sql.rows<{
      contact_id: string; direction: 'inbound' | 'outbound'; message_sid: string | null; segments: number; twilio_number: string | null; direct_cost_minor: string | null; occurred_at: Date;
    }>(
      `SELECT s.contact_id, s.direction, s.message_sid, s.segments, s.twilio_number, ct.direct_cost_minor, ct.occurred_at
       FROM sms_messages s JOIN contacts ct ON ct.id = s.contact_id WHERE ct.case_id = $1 ORDER BY ct.occurred_at, ct.created_at`,
      [caseId],
    );
  }

  async optOut(sql: Sql, phone: string): Promise<void> {
    await sql.rows('INSERT INTO sms_opt_outs (phone) VALUES ($1) ON CONFLICT (phone) DO NOTHING', [phone]);
  }

  async optIn(sql: Sql, phone: string): Promise<void> {
    await sql.rows('DELETE FROM sms_opt_outs WHERE phone = $1', [phone]);
  }

  async isOptedOut(sql: Sql, phone: string): Promise<boolean> {
    return (await sql.one('SELECT 1 FROM sms_opt_outs WHERE phone = $1', [phone])) !== undefined;
  }

  /** The case a new text from this number joins: the citizen's most recently active case that is still open (in `queueId` when given). */
  async openCaseOfPhone(sql: Sql, phone: string, queueId?: string): Promise<string | undefined> {
    const row = await sql.one<{ reference: string }>(
      `SELECT c.reference FROM citizen_identities i JOIN cases c ON c.citizen_id = i.citizen_id
       WHERE i.kind = 'phone' AND i.value = $1 AND c.status NOT IN ('resolved', 'closed') AND ($2::uuid IS NULL OR c.queue_id = $2)
       ORDER BY c.last_contact_at DESC LIMIT 1`,
      [phone, queueId ?? null],
    );
    return row?.reference;
  }

  /** Our number the citizen last texted on this case (undefined for texts recorded before numbers were kept). */
  async lastNumberTexted(sql: Sql, caseId: string): Promise<string | undefined> {
    const row = await sql.one<{ twilio_number: string | null }>(
      `SELECT s.twilio_number FROM contacts ct JOIN sms_messages s ON s.contact_id = ct.id
       WHERE ct.case_id = $1 AND ct.channel = 'sms' AND ct.direction = 'inbound' ORDER BY ct.occurred_at DESC, ct.created_at DESC LIMIT 1`,
      [caseId],
    );
    return row?.twilio_number ?? undefined;
  }

  /** Where a reply by SMS goes: the number the citizen last texted from on this case, else their latest phone number. */
  async replyNumber(sql: Sql, caseId: string, citizenId: string): Promise<string | undefined> {
    const row = await sql.one<{ phone: string }>(
      `SELECT phone FROM (
         (SELECT sender ->> 'phone' AS phone, 0 AS rank, occurred_at AS at FROM contacts
          WHERE case_id = $1 AND channel = 'sms' AND direction = 'inbound' AND sender ? 'phone' ORDER BY occurred_at DESC LIMIT 1)
         UNION ALL
         (SELECT value, 1, created_at FROM citizen_identities WHERE citizen_id = $2 AND kind = 'phone' ORDER BY created_at DESC LIMIT 1)
       ) candidates ORDER BY rank LIMIT 1`,
      [caseId, citizenId],
    );
    return row?.phone;
  }
}
