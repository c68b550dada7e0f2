import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The router's tables. Capacity held per agent and channel, and the routing entry of every case that
 * waits for an agent, are kept by triggers on `cases` and `routing_offers`, so every code path that
 * moves a case (intake, staff actions, the router) keeps them right in the same transaction.
 */
export class RoutingModel1764310000020 implements MigrationInterface {
  name = 'RoutingModel1764310000020';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE routing_queue_settings (
        queue_id                        uuid PRIMARY KEY REFERENCES queues (id) ON DELETE CASCADE,
        min_level                       smallint NOT NULL DEFAULT 1 CHECK (min_level BETWEEN 1 AND 5),
        escalated_min_level             smallint NOT NULL DEFAULT 1 CHECK (escalated_min_level BETWEEN 1 AND 5),
        escalate_level_after_seconds    integer NOT NULL DEFAULT 600 CHECK (escalate_level_after_seconds > 0),
        overflow_queue_id               uuid REFERENCES queues (id) ON DELETE SET NULL CHECK (overflow_queue_id <> queue_id),
        escalate_overflow_after_seconds integer NOT NULL DEFAULT 1800 CHECK (escalate_overflow_after_seconds > 0),
        auto_accept                     boolean NOT NULL DEFAULT false,
        offer_seconds                   jsonb NOT NULL DEFAULT '{}',
        first_response_minutes          jsonb NOT NULL DEFAULT '{}',
        business_hours                  jsonb,
        aging_minutes_per_priority      integer NOT NULL DEFAULT 60 CHECK (aging_minutes_per_priority >= 0),
        segment_priority                jsonb NOT NULL DEFAULT '{}',
        near_breach_minutes             integer NOT NULL DEFAULT 60 CHECK (near_breach_minutes >= 0),
        sticky_days                     integer NOT NULL DEFAULT 14 CHECK (sticky_days >= 0),
        updated_at                      timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO routing_queue_settings (queue_id) SELECT id FROM queues;
      CREATE FUNCTION routing_queue_created() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO routing_queue_settings (queue_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER routing_queue_created AFTER INSERT ON queues FOR EACH ROW EXECUTE FUNCTION routing_queue_created();

      -- a skill on a whole queue (every topic in it); topic skills stay in staff_skills
      CREATE TABLE staff_queue_skills (
        user_id  uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
        queue_id uuid NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
        level    smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
        PRIMARY KEY (user_id, queue_id)
      );
      CREATE INDEX staff_queue_skills_queue ON staff_queue_skills (queue_id, level);
      CREATE INDEX staff_skills_topic ON staff_skills (topic_id, level);

      -- idle_since: when the agent last got work or became available (longest idle is offered first)
      CREATE TABLE routing_agents (
        user_id           uuid PRIMARY KEY REFERENCES staff_users (id) ON DELETE CASCADE,
        idle_since        timestamptz NOT NULL DEFAULT now(),
        missed_in_a_row   integer NOT NULL DEFAULT 0
      );
      -- capacity held per channel: live offers plus assigned and waiting-on-citizen cases
      CREATE TABLE routing_agent_load (
        user_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
        channel text NOT NULL,
        held    integer NOT NULL DEFAULT 0 CHECK (held >= 0),
        PRIMARY KEY (user_id, channel)
      );
      CREATE FUNCTION routing_staff_created() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO routing_agents (user_id) VALUES (NEW.id);
        INSERT INTO routing_agent_load (user_id, channel)
        SELECT NEW.id, ch FROM unnest(ARRAY['email', 'webform', 'sms', 'phone', 'post', 'counter']) ch;
        RETURN NULL;
      END $$;
      CREATE TRIGGER routing_staff_created AFTER INSERT ON staff_users FOR EACH ROW EXECUTE FUNCTION routing_staff_created();
      INSERT INTO routing_agents (user_id) SELECT id FROM staff_users;
      INSERT INTO routing_agent_load (user_id, channel, held)
      SELECT u.id, ch, (SELECT count(*) FROM cases c WHERE c.assignee_id = u.id AND c.channel = ch AND c.status IN ('assigned', 'waiting_on_citizen'))
      FROM staff_users u CROSS JOIN unnest(ARRAY['email', 'webform', 'sms', 'phone', 'post', 'counter']) ch;

      CREATE TABLE routing_offers (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id       uuid NOT NULL REFERENCES cases (id),
        agent_id      uuid NOT NULL REFERENCES staff_users (id),
        channel       text NOT NULL,
        status        text NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'expired', 'withdrawn')),
        auto_accepted boolean NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL,
        ended_at      timestamptz,
        end_reason    text
      );
      -- the invariant: a case has at most one live offer
      CREATE UNIQUE INDEX routing_offers_one_live ON routing_offers (case_id) WHERE status = 'pending';
      CREATE INDEX routing_offers_agent_live ON routing_offers (agent_id) WHERE status = 'pending';
      CREATE INDEX routing_offers_expiry ON routing_offers (expires_at) WHERE status = 'pending';
      CREATE INDEX routing_offers_case ON routing_offers (case_id, created_at);

      -- a case waiting for an agent (queued) or offered to one. routing_key is NULL until the router
      -- admits the case (order key, SLA due time); required_level and overflow_queue_id follow escalation.
      CREATE TABLE routing_entries (
        case_id           uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        queue_id          uuid NOT NULL REFERENCES queues (id),
        waiting           boolean NOT NULL,
        queued_at         timestamptz NOT NULL DEFAULT now(),
        routing_key       timestamptz,
        stage             smallint NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 2),
        required_level    smallint NOT NULL DEFAULT 1,
        overflow_queue_id uuid REFERENCES queues (id),
        declined_by       uuid[] NOT NULL DEFAULT '{}',
        declined_at       timestamptz
      );
      CREATE INDEX routing_entries_order ON routing_entries (routing_key, case_id) WHERE waiting AND routing_key IS NOT NULL;
      CREATE INDEX routing_entries_unadmitted ON routing_entries (queued_at) WHERE routing_key IS NULL;
      CREATE INDEX routing_entries_waiting_since ON routing_entries (queued_at) WHERE waiting;

      CREATE TABLE routing_sla_alerts (
        case_id    uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        kind       text NOT NULL CHECK (kind IN ('near_breach', 'breached')),
        due_at     timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, kind)
      );
      CREATE INDEX cases_sla_open ON cases (sla_due_at) WHERE status IN ('queued', 'offered', 'assigned');
      -- sticky routing: who last handled a citizen's cases
      CREATE INDEX cases_citizen_handled ON cases (citizen_id, updated_at DESC) WHERE assignee_id IS NOT NULL;

      CREATE FUNCTION routing_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was_held boolean := TG_OP = 'UPDATE' AND OLD.assignee_id IS NOT NULL AND OLD.status IN ('assigned', 'waiting_on_citizen');
        now_held boolean := NEW.assignee_id IS NOT NULL AND NEW.status IN ('assigned', 'waiting_on_citizen');
        same_holder boolean := was_held AND now_held AND OLD.assignee_id = NEW.assignee_id AND OLD.channel = NEW.channel;
      BEGIN
        IF was_held AND NOT same_holder THEN
          UPDATE routing_agent_load SET held = held - 1 WHERE user_id = OLD.assignee_id AND channel = OLD.channel;
        END IF;
        IF now_held AND NOT same_holder THEN
          UPDATE routing_agent_load SET held = held + 1 WHERE user_id = NEW.assignee_id AND channel = NEW.channel;
        END IF;
        IF NEW.status = 'queued' THEN
          INSERT INTO routing_entries (case_id, queue_id, waiting) VALUES (NEW.id, NEW.queue_id, true)
          ON CONFLICT (case_id) DO UPDATE SET waiting = true;
        ELSIF NEW.status = 'offered' THEN
          UPDATE routing_entries SET waiting = false WHERE case_id = NEW.id;
        ELSIF TG_OP = 'UPDATE' AND OLD.status IN ('queued', 'offered') THEN
          DELETE FROM routing_entries WHERE case_id = NEW.id;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.queue_id <> NEW.queue_id THEN
          UPDATE routing_entries SET queue_id = NEW.queue_id, routing_key = NULL, stage = 0, overflow_queue_id = NULL, declined_by = '{}'
          WHERE case_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER routing_case_changed AFTER INSERT OR UPDATE OF status, assignee_id, queue_id ON cases
        FOR EACH ROW EXECUTE FUNCTION routing_case_changed();
      INSERT INTO routing_entries (case_id, queue_id, waiting, queued_at)
      SELECT id, queue_id, status = 'queued', updated_at FROM cases WHERE status IN ('queued', 'offered');

      CREATE FUNCTION routing_offer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' AND NEW.status = 'pending' THEN
          UPDATE routing_agent_load SET held = held + 1 WHERE user_id = NEW.agent_id AND channel = NEW.channel;
        ELSIF TG_OP = 'UPDATE' AND OLD.status = 'pending' AND NEW.status <> 'pending' THEN
          UPDATE routing_agent_load SET held = held - 1 WHERE user_id = OLD.agent_id AND channel = OLD.channel;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER routing_offer_changed AFTER INSERT OR UPDATE OF status ON routing_offers
        FOR EACH ROW EXECUTE FUNCTION routing_offer_changed();

      -- payloads over NOTIFY's 8000 bytes for @socket.io/postgres-adapter
      CREATE TABLE socket_io_attachments (
        id         bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload    bytea
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER routing_offer_changed ON routing_offers;
      DROP TRIGGER routing_case_changed ON cases;
      DROP TRIGGER routing_staff_created ON staff_users;
      DROP TRIGGER routing_queue_created ON queues;
      DROP FUNCTION routing_offer_changed(), routing_case_changed(), routing_staff_created(), routing_queue_created();
      DROP INDEX cases_sla_open, cases_citizen_handled, staff_skills_topic;
      DROP TABLE socket_io_attachments, routing_sla_alerts, routing_entries, routing_offers, routing_agent_load, routing_agents,
        staff_queue_skills, routing_queue_settings;
    `);
  }
}
