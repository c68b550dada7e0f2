import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Citizens, staff, queues and topics, cases with their contacts, events and notes, and the public rate limit. */
export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE queues (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,60}$'),
        name_da     text NOT NULL,
        name_en     text NOT NULL,
        sla_minutes integer NOT NULL DEFAULT 2880 CHECK (sla_minutes > 0),
        created_at  timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE topics (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug       text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,60}$'),
        name_da    text NOT NULL,
        name_en    text NOT NULL,
        queue_id   uuid NOT NULL REFERENCES queues (id),
        keywords   text[] NOT NULL DEFAULT '{}',
        priority   smallint NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 4),
        is_default boolean NOT NULL DEFAULT false,
        active     boolean NOT NULL DEFAULT true,
        position   integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- exactly one topic catches what no keyword matches
      CREATE UNIQUE INDEX topics_single_default ON topics (is_default) WHERE is_default;

      CREATE TABLE staff_users (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email               text NOT NULL,
        name                text NOT NULL,
        password_hash       text NOT NULL,
        role                text NOT NULL CHECK (role IN ('agent', 'supervisor', 'manager', 'admin')),
        languages           text[] NOT NULL DEFAULT '{da}',
        capacity            jsonb NOT NULL DEFAULT '{}',
        presence            text NOT NULL DEFAULT 'offline' CHECK (presence IN ('available', 'away', 'offline')),
        presence_reason     text,
        presence_changed_at timestamptz NOT NULL DEFAULT now(),
        disabled_at         timestamptz,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX staff_users_email ON staff_users (lower(email));

      CREATE TABLE staff_skills (
        user_id  uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
        topic_id uuid NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
        level    smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
        PRIMARY KEY (user_id, topic_id)
      );

      CREATE TABLE staff_sessions (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id    uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

      CREATE TABLE citizens (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        display_name       text,
        preferred_language text NOT NULL DEFAULT 'da' CHECK (preferred_language IN ('da', 'en')),
        segment            text NOT NULL DEFAULT 'resident',
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      );

      -- normalised email, E.164 phone or postal address; one citizen per value
      CREATE TABLE citizen_identities (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
        kind       text NOT NULL CHECK (kind IN ('email', 'phone', 'address')),
        value      text NOT NULL,
        verified   boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT citizen_identities_kind_value UNIQUE (kind, value)
      );
      CREATE INDEX citizen_identities_citizen ON citizen_identities (citizen_id);

      -- references are K-<year>-<number>; a sequence never blocks concurrent intakes
      CREATE SEQUENCE case_reference_seq;

      CREATE TABLE cases (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference         text NOT NULL UNIQUE,
        citizen_id        uuid NOT NULL REFERENCES citizens (id),
        topic_id          uuid NOT NULL REFERENCES topics (id),
        queue_id          uuid NOT NULL REFERENCES queues (id),
        channel           text NOT NULL,
        subject           text NOT NULL,
        language          text NOT NULL DEFAULT 'da',
        priority          smallint NOT NULL CHECK (priority BETWEEN 1 AND 4),
        status            text NOT NULL CHECK (status IN ('new', 'queued', 'offered', 'assigned', 'waiting_on_citizen', 'resolved', 'closed')),
        assignee_id       uuid REFERENCES staff_users (id),
        sla_due_at        timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        last_contact_at   timestamptz NOT NULL DEFAULT now(),
        resolved_at       timestamptz
      );
      -- the case list pages newest first by (created_at, id); filters narrow it
      CREATE INDEX cases_created ON cases (created_at DESC, id DESC);
      CREATE INDEX cases_status_created ON cases (status, created_at DESC, id DESC);
      CREATE INDEX cases_queue_status ON cases (queue_id, status);
      CREATE INDEX cases_assignee_status ON cases (assignee_id, status) WHERE assignee_id IS NOT NULL;
      CREATE INDEX cases_citizen ON cases (citizen_id);

      -- private status links; only SHA-256 hashes are kept. A case gets one at creation and another
      -- when the citizen's own submission is replayed (a double submit whose first answer was lost).
      CREATE TABLE case_status_links (
        token_hash bytea PRIMARY KEY,
        case_id    uuid NOT NULL REFERENCES cases (id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_status_links_case ON case_status_links (case_id);

      CREATE TABLE contacts (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id     uuid NOT NULL REFERENCES cases (id),
        citizen_id  uuid NOT NULL REFERENCES citizens (id),
        channel     text NOT NULL,
        direction   text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        external_id text,
        sender      jsonb NOT NULL DEFAULT '{}',
        subject     text,
        body_text   text NOT NULL,
        body_html   text,
        language    text,
        author_id   uuid REFERENCES staff_users (id),
        occurred_at timestamptz NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        search      tsvector GENERATED ALWAYS AS (to_tsvector('danish', coalesce(subject, '') || ' ' || body_text)) STORED
      );
      -- idempotency: a channel's message id is recorded once
      CREATE UNIQUE INDEX contacts_channel_external_id ON contacts (channel, external_id) WHERE external_id IS NOT NULL;
      CREATE INDEX contacts_case_time ON contacts (case_id, occurred_at);
      CREATE INDEX contacts_citizen_time ON contacts (citizen_id, occurred_at);
      CREATE INDEX contacts_search ON contacts USING gin (search);

      CREATE TABLE attachments (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contact_id   uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        filename     text NOT NULL,
        content_type text NOT NULL,
        size_bytes   integer NOT NULL CHECK (size_bytes > 0),
        sha256       bytea NOT NULL,
        content      bytea NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX attachments_contact ON attachments (contact_id);

      CREATE TABLE case_notes (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id    uuid NOT NULL REFERENCES cases (id),
        author_id  uuid NOT NULL REFERENCES staff_users (id),
        body       text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_notes_case ON case_notes (case_id, created_at);

      -- every transition and action on a case, with who and when; analytics reads this log
      CREATE TABLE case_events (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id     uuid NOT NULL REFERENCES cases (id),
        type        text NOT NULL,
        from_status text,
        to_status   text,
        actor_kind  text NOT NULL CHECK (actor_kind IN ('system', 'staff', 'citizen')),
        actor_id    uuid,
        data        jsonb NOT NULL DEFAULT '{}',
        created_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_events_case ON case_events (case_id, id);

      -- per-IP fixed one-minute windows for public submissions; shared by every server process
      CREATE UNLOGGED TABLE public_rate_windows (
        client_ip    text NOT NULL,
        window_start timestamptz NOT NULL,
        hits         integer NOT NULL,
        PRIMARY KEY (client_ip, window_start)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE public_rate_windows, case_events, case_notes, attachments, contacts, case_status_links, cases,
        citizen_identities, citizens, staff_sessions, staff_skills, staff_users, topics, queues;
      DROP SEQUENCE case_reference_seq;
    `);
  }
}
