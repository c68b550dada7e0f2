import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Phone and SMS through Twilio: the account (auth token encrypted at rest), agents' phone endpoints,
 * the IVR menu, one record per call (its contact, recording, call-back), SMS segments and opt-outs.
 */
export class PhoneAndSms1764340000000 implements MigrationInterface {
  name = 'PhoneAndSms1764340000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- the one Twilio account; written from TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN on start or by an admin
      CREATE TABLE twilio_account (
        id               smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        account_sid      text NOT NULL CHECK (account_sid ~ '^AC[0-9a-f]{32}$'),
        auth_token_enc   text NOT NULL,
        phone_number     text CHECK (phone_number ~ '^\\+[1-9][0-9]{6,14}$'),
        seeded_from_env  boolean NOT NULL DEFAULT false,
        updated_at       timestamptz NOT NULL DEFAULT now()
      );

      -- where a call for this agent rings: an E.164 number or a Twilio Client identity (client:name)
      CREATE TABLE staff_phone_endpoints (
        user_id    uuid PRIMARY KEY REFERENCES staff_users (id) ON DELETE CASCADE,
        endpoint   text NOT NULL CHECK (endpoint ~ '^(\\+[1-9][0-9]{6,14}|client:[A-Za-z0-9_.-]{1,100})$'),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- the keypad menu: digit → topic; empty means the first nine active topics in their order
      CREATE TABLE phone_ivr_menu (
        digit    smallint PRIMARY KEY CHECK (digit BETWEEN 1 AND 9),
        topic_id uuid NOT NULL UNIQUE REFERENCES topics (id) ON DELETE CASCADE
      );

      -- one row per call that became a contact; Twilio's retries find it by call_sid / recording_sid
      CREATE TABLE phone_calls (
        call_sid        text PRIMARY KEY CHECK (call_sid ~ '^CA[0-9a-f]{32}$'),
        contact_id      uuid NOT NULL UNIQUE REFERENCES contacts (id),
        case_id         uuid NOT NULL REFERENCES cases (id),
        from_number     text,
        language        text NOT NULL,
        topic_id        uuid REFERENCES topics (id),
        agent_id        uuid REFERENCES staff_users (id),
        final_status    text,
        recording_sid   text UNIQUE CHECK (recording_sid ~ '^RE[0-9a-f]{32}$'),
        recording_url   text,
        transcript      text,
        price_fetched   boolean NOT NULL DEFAULT false,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX phone_calls_case ON phone_calls (case_id);

      -- a caller's request to be called back, due within the queue's next opening hours
      CREATE TABLE phone_callbacks (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_sid    text NOT NULL UNIQUE REFERENCES phone_calls (call_sid),
        case_id     uuid NOT NULL REFERENCES cases (id),
        phone       text NOT NULL,
        due_at      timestamptz NOT NULL,
        done_at     timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX phone_callbacks_open ON phone_callbacks (due_at) WHERE done_at IS NULL;

      -- every SMS in or out with its segment count (the unit Twilio charges)
      CREATE TABLE sms_messages (
        contact_id  uuid PRIMARY KEY REFERENCES contacts (id),
        message_sid text UNIQUE CHECK (message_sid ~ '^(SM|MM)[0-9a-f]{32}$'),
        direction   text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        segments    integer NOT NULL CHECK (segments > 0),
        created_at  timestamptz NOT NULL DEFAULT now()
      );

      -- numbers that texted STOP; START removes them
      CREATE TABLE sms_opt_outs (
        phone         text PRIMARY KEY,
        opted_out_at  timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sms_opt_outs, sms_messages, phone_callbacks, phone_calls, phone_ivr_menu, staff_phone_endpoints, twilio_account`);
  }
}
