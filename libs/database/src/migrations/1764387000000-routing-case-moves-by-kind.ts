import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CASES_UPDATED, HELD, MOVES } from './1764384000000-routing-statement-triggers';

/** An agent starts or stops holding a case (assigned or waiting on the citizen) on its channel. */
const LEAVES_HOLDER = `old_assignee IS NOT NULL AND old_status IN ${HELD}
  AND NOT (new_status IN ${HELD} AND new_assignee IS NOT DISTINCT FROM old_assignee AND new_channel = old_channel)`;
const GAINS_HOLDER = `new_assignee IS NOT NULL AND new_status IN ${HELD}
  AND NOT (old_status IN ${HELD} AND old_assignee IS NOT DISTINCT FROM new_assignee AND old_channel = new_channel)`;

/**
 * routing_cases_updated() ran six statements over the transition tables on every case update, most
 * of which had nothing to do: accepting an offer or resolving a case (one row each, the commonest
 * updates) paid for all six. It now counts the moves of each kind in one statement and runs only
 * the statements that have moves to apply. Same rules as before.
 */
export class RoutingCaseMovesByKind1764387000000 implements MigrationInterface {
  name = 'RoutingCaseMovesByKind1764387000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION routing_cases_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        holders int;
        to_queue int;
        to_offered int;
        leaving int;
        moved_queue int;
      BEGIN
        WITH ${MOVES}
        SELECT count(*) FILTER (WHERE (${LEAVES_HOLDER}) OR (${GAINS_HOLDER})),
               count(*) FILTER (WHERE new_status = 'queued'),
               count(*) FILTER (WHERE new_status = 'offered'),
               count(*) FILTER (WHERE new_status NOT IN ('queued', 'offered') AND old_status IN ('queued', 'offered')),
               count(*) FILTER (WHERE old_queue <> new_queue)
        INTO holders, to_queue, to_offered, leaving, moved_queue
        FROM routing_case_moves;

        -- capacity: a case held by an agent (assigned or waiting on the citizen) counts on its channel
        IF holders > 0 THEN
          WITH ${MOVES}
          UPDATE routing_agent_load l SET held = l.held + d.n
          FROM (
            SELECT user_id, channel, sum(n)::int AS n FROM (
              SELECT old_assignee AS user_id, old_channel AS channel, -1 AS n FROM routing_case_moves WHERE ${LEAVES_HOLDER}
              UNION ALL
              SELECT new_assignee, new_channel, 1 FROM routing_case_moves WHERE ${GAINS_HOLDER}
            ) m GROUP BY user_id, channel HAVING sum(n) <> 0
          ) d
          WHERE l.user_id = d.user_id AND l.channel = d.channel;
        END IF;

        -- the waiting queue: queued cases wait, offered ones are held back, the rest leave it
        IF to_queue > 0 THEN
          WITH ${MOVES}
          INSERT INTO routing_entries (case_id, queue_id, waiting)
          SELECT id, new_queue, true FROM routing_case_moves WHERE new_status = 'queued'
          ON CONFLICT (case_id) DO UPDATE SET waiting = true;
        END IF;
        IF to_offered > 0 THEN
          WITH ${MOVES}
          UPDATE routing_entries e SET waiting = false FROM routing_case_moves m WHERE m.new_status = 'offered' AND e.case_id = m.id;
        END IF;
        IF leaving > 0 THEN
          WITH ${MOVES}
          DELETE FROM routing_entries e USING routing_case_moves m
          WHERE m.new_status NOT IN ('queued', 'offered') AND m.old_status IN ('queued', 'offered') AND e.case_id = m.id;
        END IF;
        IF moved_queue > 0 THEN
          WITH ${MOVES}
          UPDATE routing_entries e SET queue_id = m.new_queue, routing_key = NULL, stage = 0, overflow_queue_id = NULL, declined_by = '{}'
          FROM routing_case_moves m WHERE m.old_queue <> m.new_queue AND e.case_id = m.id;
        END IF;
        RETURN NULL;
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE OR REPLACE FUNCTION routing_cases_updated() RETURNS trigger LANGUAGE plpgsql AS $$${CASES_UPDATED}$$;`);
  }
}
