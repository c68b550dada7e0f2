import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';

export interface TwilioAccountRow {
  account_sid: string;
  auth_token_enc: string;
  phone_number: string | null;
  seeded_from_env: boolean;
  updated_at: Date;
}

/** The one Twilio account row; the auth token is stored encrypted by the caller. */
@Injectable()
export class TwilioAccountRepository {
  get(sql: Sql): Promise<TwilioAccountRow | undefined> {
    return sql.one('SELECT account_sid, auth_token_enc, phone_number, seeded_from_env, updated_at FROM twilio_account WHERE id = 1');
  }

  async save(sql: Sql, row: Omit<TwilioAccountRow, 'updated_at'>): Promise<void> {
    await sql.rows(
      `INSERT INTO twilio_account (id, account_sid, auth_token_enc, phone_number, seeded_from_env) VALUES (1, $1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET account_sid = $1, auth_token_enc = $2, phone_number = $3, seeded_from_env = $4, updated_at = now()`,
      [row.account_sid, row.auth_token_enc, row.phone_number, row.seeded_from_env],
    );
  }
}
