'use strict';
/**
 * Set-based SQL (generate_series) that writes a year of realistic history: citizens, cases,
 * contacts, case events and survey answers. Every value of case i comes from u(i, salt), a
 * deterministic uniform number, so the three tables agree without joins. `t0` is the seed's
 * "now"; all times are before it.
 *
 * Shape per case: one inbound contact on the case's channel; 60 % get a staff reply (delay
 * exponential, mean 8 h); 40 % get a second inbound contact (mean 2 days later: chasing or a
 * re-contact); 85 % are resolved (reply delay + exponential, mean 2 days). The online share of
 * new cases rises from 40 % a year ago to 70 % now (email 40 %, web form 45 %, SMS 15 % of online;
 * phone 60 %, post 25 %, counter 15 % of traditional). Calls and visits carry a duration, calls a
 * cost of 0.50 DKK a minute. Citizens: uniform over contacts / 5 people; 85 % resident,
 * 12 % business, 3 % organisation. 20 % of resolved cases have a survey answer.
 */
const FUNCTIONS = `
  CREATE OR REPLACE FUNCTION pg_temp.u(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT ((hashint8(i * 1009 + salt) & 2147483647)::float8 + 0.5) / 2147483648.0 $$;
  CREATE OR REPLACE FUNCTION pg_temp.seed_uuid(kind text, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT md5(kind || i)::uuid $$;`;

const citizensSql = ({ t0 }, from, to) => `
  INSERT INTO citizens (id, display_name, segment, created_at)
  SELECT pg_temp.seed_uuid('z', n), 'Borger ' || n,
         CASE WHEN pg_temp.u(n, 6) < 0.85 THEN 'resident' WHEN pg_temp.u(n, 6) < 0.97 THEN 'business' ELSE 'organisation' END,
         '${t0}'::timestamptz - interval '400 days'
  FROM generate_series(${from}, ${to}) AS n`;

/**
 * Case facts derived from i, shared by the case, contact and event inserts. Every value built into
 * the text is a number or a timestamp made by this script.
 */
const CASE_SHAPE = ({ t0, days, citizens, topics }, from, to) => `
  SELECT i,
    pg_temp.seed_uuid('k', i) AS id,
    pg_temp.seed_uuid('z', 1 + floor(pg_temp.u(i, 5) * ${citizens})::bigint) AS citizen_id,
    floor(pg_temp.u(i, 4) * ${topics})::int + 1 AS t,
    created,
    CASE WHEN pg_temp.u(i, 2) < 0.4 + 0.3 * (1 - age / ${days})
      THEN (CASE WHEN pg_temp.u(i, 3) < 0.40 THEN 'email' WHEN pg_temp.u(i, 3) < 0.85 THEN 'webform' ELSE 'sms' END)
      ELSE (CASE WHEN pg_temp.u(i, 3) < 0.60 THEN 'phone' WHEN pg_temp.u(i, 3) < 0.85 THEN 'post' ELSE 'counter' END) END AS channel,
    CASE WHEN pg_temp.u(i, 7) < 0.6 THEN created + make_interval(secs => -ln(pg_temp.u(i, 8)) * 28800) END AS replied,
    CASE WHEN pg_temp.u(i, 11) < 0.4 THEN created + make_interval(secs => -ln(pg_temp.u(i, 12)) * 172800) END AS again,
    created + make_interval(secs => -ln(pg_temp.u(i, 8)) * 28800 - ln(pg_temp.u(i, 10)) * 172800) AS resolving,
    pg_temp.u(i, 9) < 0.85 AS resolves
  FROM (SELECT i, age, '${t0}'::timestamptz - make_interval(secs => age * 86400) AS created
        FROM (SELECT i, pg_temp.u(i, 1) * ${days} AS age FROM generate_series(${from}::bigint, ${to}::bigint) AS i) a) b`;

const casesSql = (shape, from, to) => `
  WITH s AS (${CASE_SHAPE(shape, from, to)})
  INSERT INTO cases (id, reference, citizen_id, topic_id, queue_id, channel, subject, language, priority, status, sla_due_at,
                     created_at, updated_at, last_contact_at, resolved_at)
  SELECT id, 'K-SEED-' || i, citizen_id, ($1::uuid[])[t], ($2::uuid[])[t], channel, 'Henvendelse', 'da', 2,
         CASE WHEN resolves AND resolving < '${shape.t0}'::timestamptz THEN 'resolved' ELSE 'assigned' END,
         created + interval '48 hours', created, created, created,
         CASE WHEN resolves AND resolving < '${shape.t0}'::timestamptz THEN resolving END
  FROM s`;

const contactsSql = (shape, from, to) => `
  WITH s AS (${CASE_SHAPE(shape, from, to)})
  INSERT INTO contacts (case_id, citizen_id, channel, direction, body_text, author_id, occurred_at, direct_cost_minor, duration_seconds)
  SELECT s.id, s.citizen_id, s.channel, c.direction, 'Henvendelse', CASE WHEN c.direction = 'outbound' THEN $1::uuid END, c.at,
         CASE WHEN s.channel = 'phone' THEN round(c.seconds / 60.0 * 50)::bigint END,
         CASE WHEN s.channel IN ('phone', 'counter') THEN c.seconds END
  FROM s CROSS JOIN LATERAL (VALUES
      ('inbound', s.created, 120 + floor(pg_temp.u(s.i, 13) * 600)::int),
      ('outbound', s.replied, 60 + floor(pg_temp.u(s.i, 14) * 300)::int),
      ('inbound', s.again, 120 + floor(pg_temp.u(s.i, 15) * 600)::int)) AS c (direction, at, seconds)
  WHERE c.at IS NOT NULL AND c.at < '${shape.t0}'::timestamptz`;

const eventsSql = (shape, from, to) => `
  WITH s AS (${CASE_SHAPE(shape, from, to)})
  INSERT INTO case_events (case_id, type, from_status, to_status, actor_kind, actor_id, created_at)
  SELECT id, 'status_changed', 'assigned', 'resolved', 'staff', $1::uuid, resolving FROM s
  WHERE resolves AND resolving < '${shape.t0}'::timestamptz`;

const surveysSql = (shape, from, to) => `
  WITH s AS (${CASE_SHAPE(shape, from, to)})
  INSERT INTO survey_invitations (case_id, token_hash, created_at, answered_at, score)
  SELECT id, decode(md5('s' || i), 'hex'), resolving, resolving + interval '1 day', 1 + floor(pg_temp.u(i, 16) ^ 0.6 * 5)::int
  FROM s WHERE resolves AND resolving + interval '1 day' < '${shape.t0}'::timestamptz AND pg_temp.u(i, 17) < 0.2`;

module.exports = { FUNCTIONS, citizensSql, casesSql, contactsSql, eventsSql, surveysSql };
