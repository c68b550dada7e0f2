import type { MigrationInterface, QueryRunner } from 'typeorm';

export const HELD = `('assigned', 'waiting_on_citizen')`;
/** The updated cases whose status, assignee, queue or channel changed: what routing cares about. */
export const MOVES = `routing_case_moves AS (
  SELECT n.id, o.status AS old_status, n.status AS new_status, o.assignee_id AS old_assignee, n.assignee_id AS new_assignee,
         o.channel AS old_channel, n.channel AS new_channel, o.queue_id AS old_queue, n.queue_id AS new_queue
  FROM old_cases o JOIN new_cases n ON n.id = o.id
  WHERE o.status IS DISTINCT FROM n.status OR o.assignee_id IS DISTINCT FROM n.assignee_id
     OR o.queue_id IS DISTINCT FROM n.queue_id OR o.channel IS DISTINCT FROM n.channel)`;

/** The body of routing_cases_updated() as this migration made it. */
export const CASES_UPDATED = `
      BEGIN
        PERFORM FROM (WITH ${MOVES} SELECT 1 FROM routing_case_moves LIMIT 1) any_move;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;

        -- capacity: a case held by an agent (assigned or waiting on the citizen) counts on its channel
        WITH ${MOVES}
        UPDATE routing_agent_load l SET held = l.held + d.n
        FROM (
          SELECT user_id, channel, sum(n)::int AS n FROM (
            SELECT old_assignee AS user_id, old_channel AS channel, -1 AS n FROM routing_case_moves
            WHERE old_assignee IS NOT NULL AND old_status IN ${HELD}
              AND NOT (new_status IN ${HELD} AND new_assignee IS NOT DISTINCT FROM old_assignee AND new_channel = old_channel)
            UNION ALL
            SELECT new_assignee, new_channel, 1 FROM routing_case_moves
            WHERE new_assignee IS NOT NULL AND new_status IN ${HELD}
              AND NOT (old_status IN ${HELD} AND old_assignee IS NOT DISTINCT FROM new_assignee AND old_channel = new_channel)
          ) m GROUP BY user_id, channel HAVING sum(n) <> 0
        ) d
        WHERE l.user_id = d.user_id AND l.channel = d.channel;

        -- the waiting queue: queued cases wait, offered ones are held back, the rest leave it
        WITH ${MOVES}
        INSERT INTO routing_entries (case_id, queue_id, waiting)
        SELECT id, new_queue, true FROM routing_case_moves WHERE new_status = 'queued'
        ON CONFLICT (case_id) DO UPDATE SET waiting = true;
        WITH ${MOVES}
        UPDATE routing_entries e SET waiting = false FROM routing_case_moves m WHERE m.new_status = 'offered' AND e.case_id = m.id;
        WITH ${MOVES}
        DELETE FROM routing_entries e USING routing_case_moves m
        WHERE m.new_status NOT IN ('queued', 'offered') AND m.old_status IN ('queued', 'offered') AND e.case_id = m.id;
        WITH ${MOVES}
        UPDATE routing_entries e SET queue_id = m.new_queue, routing_key = NULL, stage = 0, overflow_queue_id = NULL, declined_by = '{}'
        FROM routing_case_moves m WHERE m.old_queue <> m.new_queue AND e.case_id = m.id;
        RETURN NULL;
      END`;

/**
 * The routing bookkeeping on cases and offers (capacity held per agent and channel, the waiting
 * queue's entries) moves from per-row triggers to per-statement triggers over transition tables:
 * the router writes a page of hundreds of offers and case moves in one statement each, and now pays one
 * set-based UPDATE per table instead of one per row. Same rules as before; a case update
 * that changes none of status, assignee, queue or channel leaves routing alone.
 */
export class RoutingStatementTriggers1764384000000 implements MigrationInterface {
  name = 'RoutingStatementTriggers1764384000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER routing_case_changed ON cases;
      DROP TRIGGER routing_offer_changed ON routing_offers;
      DROP FUNCTION routing_case_changed(), routing_offer_changed();

      CREATE FUNCTION routing_cases_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE routing_agent_load l SET held = l.held + d.n
        FROM (SELECT assignee_id, channel, count(*)::int AS n FROM new_cases
              WHERE assignee_id IS NOT NULL AND status IN ${HELD} GROUP BY assignee_id, channel) d
        WHERE l.user_id = d.assignee_id AND l.channel = d.channel;
        INSERT INTO routing_entries (case_id, queue_id, waiting)
        SELECT id, queue_id, true FROM new_cases WHERE status = 'queued'
        ON CONFLICT (case_id) DO UPDATE SET waiting = true;
        RETURN NULL;
      END $$;
      CREATE TRIGGER routing_cases_inserted AFTER INSERT ON cases
        REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION routing_cases_inserted();

      CREATE FUNCTION routing_cases_updated() RETURNS trigger LANGUAGE plpgsql AS $$${CASES_UPDATED}$$;
      CREATE TRIGGER routing_cases_updated AFTER UPDATE ON cases
        REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION routing_cases_updated();

      -- a live (pending) offer holds one unit of its agent's capacity on its channel
      CREATE FUNCTION routing_offers_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE routing_agent_load l SET held = l.held + d.n
        FROM (SELECT agent_id, channel, count(*)::int AS n FROM new_offers WHERE status = 'pending' GROUP BY agent_id, channel) d
        WHERE l.user_id = d.agent_id AND l.channel = d.channel;
        RETURN NULL;
      END $$;
      CREATE TRIGGER routing_offers_inserted AFTER INSERT ON routing_offers
        REFERENCING NEW TABLE AS new_offers FOR EACH STATEMENT EXECUTE FUNCTION routing_offers_inserted();

      CREATE FUNCTION routing_offers_ended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE routing_agent_load l SET held = l.held - d.n
        FROM (SELECT o.agent_id, o.channel, count(*)::int AS n FROM old_offers o JOIN new_offers n ON n.id = o.id
              WHERE o.status = 'pending' AND n.status <> 'pending' GROUP BY o.agent_id, o.channel) d
        WHERE l.user_id = d.agent_id AND l.channel = d.channel;
        RETURN NULL;
      END $$;
      CREATE TRIGGER routing_offers_ended AFTER UPDATE ON routing_offers
        REFERENCING OLD TABLE AS old_offers NEW TABLE AS new_offers FOR EACH STATEMENT EXECUTE FUNCTION routing_offers_ended();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER routing_offers_ended ON routing_offers;
      DROP TRIGGER routing_offers_inserted ON routing_offers;
      DROP TRIGGER routing_cases_updated ON cases;
      DROP TRIGGER routing_cases_inserted ON cases;
      DROP FUNCTION routing_offers_ended(), routing_offers_inserted(), routing_cases_updated(), routing_cases_inserted();

      CREATE FUNCTION routing_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was_held boolean := TG_OP = 'UPDATE' AND OLD.assignee_id IS NOT NULL AND OLD.status IN ${HELD};
        now_held boolean := NEW.assignee_id IS NOT NULL AND NEW.status IN ${HELD};
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
    `);
  }
}
