import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';

/** SMS bookkeeping: segments and cost on each SMS contact, opt-outs, and where a citizen's texts go. */
@Injectable()
export class SmsRepository {
  async recordSegments(tx: Sql, contactId: string, direction: 'inbound' | 'outbound', messageSid: string | null, segments: number, costMinor: number): Promise<void> {
    await tx.rows(
      `WITH sms AS (INSERT INTO sms_messages (contact_id, message_sid, direction, segments) VALUES ($1, $2, $3, $4))
       UPDATE contacts SET direct_cost_minor = $5 WHERE id = $1`,
      [contactId, messageSid, direction, segments, costMinor],
    );
  }

  /** What Twilio answered on sending: its MessageSid, its segment count, and the price when it already knows it. */
  async recordSent(sql: Sql, contactId: string, messageSid: string, segments: number, costMinor: number): Promise<void> {
    await sql.rows(
      `WITH sms AS (UPDATE sms_messages SET message_sid = $2, segments = $3 WHERE contact_id = $1)
       UPDATE contacts SET direct_cost_minor = $4 WHERE id = $1`,
      [contactId, messageSid, segments, costMinor],
    );
  }

  messagesOfCase(sql: Sql, caseId: string) {
    return sql.rows<{ contact_id: string; direction: 'inbound' | 'outbound'; message_sid: string | null; segments: number; direct_cost_minor: string | null; occurred_at: Date }>(
      `SELECT s.contact_id, s.direction, s.message_sid, s.segments, ct.direct_cost_minor, ct.occurred_at
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

  /** The case a new text from this number joins: the citizen's most recently active case that is still open. */
  async openCaseOfPhone(sql: Sql, phone: string): Promise<string | undefined> {
    const row = await sql.one<{ reference: string }>(
      `SELECT c.reference FROM citizen_identities i JOIN cases c ON c.citizen_id = i.citizen_id
       WHERE i.kind = 'phone' AND i.value = $1 AND c.status NOT IN ('resolved', 'closed')
       ORDER BY c.last_contact_at DESC LIMIT 1`,
      [phone],
    );
    return row?.reference;
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
