import { bucketSql } from '../domain/duration-buckets';

/**
 * The one definition of what a case contributes to the rollups, computed from the raw tables
 * (cases, citizens, contacts, case_events, survey_invitations). The incremental folder runs it for
 * the cases that changed, the rebuild for every case, so both give the same facts by construction.
 * Days are calendar days in the time zone `$2`.
 *
 * - contacts count on the day and channel they occurred; inbound ones are what unit costs apply to;
 * - chasing: an inbound contact after the case's first inbound contact and before its first resolution;
 * - re-contact: an inbound contact within 7 days after any case of the same citizen was resolved;
 * - a case counts as opened on its creation day and resolved on its first resolution, both on its
 *   channel of origin; first-contact resolution: resolved, never reopened, one inbound contact;
 * - first response: the first staff-written outbound contact, in SLA when at or before `sla_due_at`;
 * - a survey answer counts on the day it was given.
 *
 * `scope` is the SQL condition selecting the cases (`cs.id = ANY($1::uuid[])` or `true`).
 */
export function caseFactsSql(scope: string): string {
  const zero = '0, 0, 0, 0, 0, 0, 0, 0';
  return `
    WITH c AS (
      SELECT cs.id, cs.citizen_id, cs.channel, cs.topic_id, cs.queue_id, cs.created_at, cs.sla_due_at, z.segment
      FROM cases cs JOIN citizens z ON z.id = cs.citizen_id WHERE ${scope}
    ), resolution AS (
      SELECT e.case_id, min(e.created_at) FILTER (WHERE e.to_status = 'resolved') AS resolved_at,
             coalesce(bool_or(e.from_status = 'resolved' AND e.to_status NOT IN ('resolved', 'closed')), false) AS reopened
      FROM case_events e JOIN c ON c.id = e.case_id WHERE e.to_status IS NOT NULL GROUP BY e.case_id
    ), k AS (
      SELECT ct.case_id, ct.channel, ct.direction, ct.occurred_at, ct.direct_cost_minor, ct.duration_seconds, ct.author_id,
             row_number() OVER (PARTITION BY ct.case_id, ct.direction ORDER BY ct.occurred_at, ct.id) AS nth
      FROM contacts ct JOIN c ON c.id = ct.case_id
    ), per_contacts AS (
      SELECT k.case_id, count(*) FILTER (WHERE k.direction = 'inbound') AS inbound,
             min(k.occurred_at) FILTER (WHERE k.direction = 'outbound' AND k.author_id IS NOT NULL) AS responded_at
      FROM k GROUP BY k.case_id
    ), per_case AS (
      SELECT c.*, r.resolved_at, coalesce(r.reopened, false) AS reopened, coalesce(pc.inbound, 0) AS inbound, pc.responded_at,
             s.answered_at, s.score
      FROM c LEFT JOIN resolution r ON r.case_id = c.id LEFT JOIN per_contacts pc ON pc.case_id = c.id
        LEFT JOIN survey_invitations s ON s.case_id = c.id AND s.score IS NOT NULL
    ), parts (case_id, day, channel, contacts_in, contacts_out, chasing_contacts, recontacts, direct_cost_minor, costed_contacts,
              handling_seconds, timed_contacts, cases_opened, cases_resolved, fcr_cases, first_responses, first_responses_in_sla,
              survey_responses, survey_score_sum, first_response_bucket, resolution_bucket) AS (
      SELECT k.case_id, (k.occurred_at AT TIME ZONE $2)::date, k.channel,
             (k.direction = 'inbound')::int, (k.direction = 'outbound')::int,
             (k.direction = 'inbound' AND k.nth > 1 AND (p.resolved_at IS NULL OR k.occurred_at < p.resolved_at))::int,
             (k.direction = 'inbound' AND EXISTS (
                SELECT 1 FROM cases o JOIN case_events e ON e.case_id = o.id
                WHERE o.citizen_id = p.citizen_id AND e.to_status = 'resolved'
                  AND e.created_at < k.occurred_at AND e.created_at >= k.occurred_at - interval '7 days'))::int,
             coalesce(k.direct_cost_minor, 0), (k.direct_cost_minor IS NOT NULL)::int,
             coalesce(k.duration_seconds, 0), (k.duration_seconds IS NOT NULL)::int,
             0, 0, 0, 0, 0, 0, 0, NULL::smallint, NULL::smallint
      FROM k JOIN per_case p ON p.id = k.case_id
      UNION ALL
      SELECT p.id, (p.created_at AT TIME ZONE $2)::date, p.channel, ${zero}, 1, 0, 0, 0, 0, 0, 0, NULL, NULL FROM per_case p
      UNION ALL
      SELECT p.id, (p.resolved_at AT TIME ZONE $2)::date, p.channel, ${zero}, 0, 1, (p.inbound = 1 AND NOT p.reopened)::int,
             0, 0, 0, 0, NULL, ${bucketSql('extract(epoch FROM p.resolved_at - p.created_at)')}
      FROM per_case p WHERE p.resolved_at IS NOT NULL
      UNION ALL
      SELECT p.id, (p.responded_at AT TIME ZONE $2)::date, p.channel, ${zero}, 0, 0, 0, 1,
             coalesce(p.responded_at <= p.sla_due_at, true)::int, 0, 0,
             ${bucketSql('extract(epoch FROM p.responded_at - p.created_at)')}, NULL
      FROM per_case p WHERE p.responded_at IS NOT NULL
      UNION ALL
      SELECT p.id, (p.answered_at AT TIME ZONE $2)::date, p.channel, ${zero}, 0, 0, 0, 0, 0, 1, p.score, NULL, NULL
      FROM per_case p WHERE p.answered_at IS NOT NULL
    )
    SELECT parts.case_id, parts.day, parts.channel, p.topic_id, p.queue_id, p.segment,
           sum(contacts_in)::int, sum(contacts_out)::int, sum(chasing_contacts)::int, sum(recontacts)::int,
           sum(direct_cost_minor)::bigint, sum(costed_contacts)::int, sum(handling_seconds)::bigint, sum(timed_contacts)::int,
           sum(cases_opened)::int, sum(cases_resolved)::int, sum(fcr_cases)::int, sum(first_responses)::int,
           sum(first_responses_in_sla)::int, sum(survey_responses)::int, sum(survey_score_sum)::int,
           max(first_response_bucket), max(resolution_bucket)
    FROM parts JOIN per_case p ON p.id = parts.case_id
    GROUP BY parts.case_id, parts.day, parts.channel, p.topic_id, p.queue_id, p.segment`;
}

export const FACT_COLUMNS = `case_id, day, channel, topic_id, queue_id, segment, contacts_in, contacts_out, chasing_contacts, recontacts,
  direct_cost_minor, costed_contacts, handling_seconds, timed_contacts, cases_opened, cases_resolved, fcr_cases, first_responses,
  first_responses_in_sla, survey_responses, survey_score_sum, first_response_bucket, resolution_bucket`;

export const MEASURES = [
  'contacts_in', 'contacts_out', 'chasing_contacts', 'recontacts', 'direct_cost_minor', 'costed_contacts', 'handling_seconds',
  'timed_contacts', 'cases_opened', 'cases_resolved', 'fcr_cases', 'first_responses', 'first_responses_in_sla', 'survey_responses',
  'survey_score_sum',
] as const;

/** Rollup rows (and duration histograms) from the facts joined to `keys`, a relation of (day, channel, topic_id, queue_id, segment). */
export const rollupFromFactsSql = (keysJoin: string) => `
  INSERT INTO analytics_daily (day, channel, topic_id, queue_id, segment, facts, ${MEASURES.join(', ')})
  SELECT f.day, f.channel, f.topic_id, f.queue_id, f.segment, count(*), ${MEASURES.map((m) => `sum(f.${m})`).join(', ')}
  FROM analytics_case_facts f ${keysJoin}
  GROUP BY f.day, f.channel, f.topic_id, f.queue_id, f.segment`;

const DURATION_METRICS = `CROSS JOIN LATERAL (VALUES ('first_response', f.first_response_bucket), ('resolution', f.resolution_bucket)) AS m (metric, bucket)`;

export const durationsFromFactsSql = (keysJoin: string) => `
  INSERT INTO analytics_daily_durations (day, channel, topic_id, queue_id, segment, metric, bucket, cases)
  SELECT f.day, f.channel, f.topic_id, f.queue_id, f.segment, m.metric, m.bucket, count(*)
  FROM analytics_case_facts f ${keysJoin}
  ${DURATION_METRICS}
  WHERE m.bucket IS NOT NULL
  GROUP BY f.day, f.channel, f.topic_id, f.queue_id, f.segment, m.metric, m.bucket`;

/**
 * Adds (`sign` 1) or subtracts (-1) the facts of the cases in $1 to or from the full-key rollups and
 * duration counts: the fold takes a changed case's old facts out and puts its new ones in, in
 * proportion to the change; rows left with no fact are removed by `emptyRollupsSql`.
 */
export const rollupDeltaSqls = (sign: 1 | -1) => [`
  INSERT INTO analytics_daily AS d (day, channel, topic_id, queue_id, segment, facts, ${MEASURES.join(', ')})
  SELECT f.day, f.channel, f.topic_id, f.queue_id, f.segment, ${sign} * count(*), ${MEASURES.map((m) => `${sign} * sum(f.${m})`).join(', ')}
  FROM analytics_case_facts f WHERE f.case_id = ANY($1::uuid[])
  GROUP BY f.day, f.channel, f.topic_id, f.queue_id, f.segment
  ON CONFLICT (day, channel, topic_id, queue_id, segment) DO UPDATE SET
    facts = d.facts + excluded.facts, ${MEASURES.map((m) => `${m} = d.${m} + excluded.${m}`).join(', ')}`, `
  INSERT INTO analytics_daily_durations AS d (day, channel, topic_id, queue_id, segment, metric, bucket, cases)
  SELECT f.day, f.channel, f.topic_id, f.queue_id, f.segment, m.metric, m.bucket, ${sign} * count(*)
  FROM analytics_case_facts f
  ${DURATION_METRICS}
  WHERE f.case_id = ANY($1::uuid[]) AND m.bucket IS NOT NULL
  GROUP BY f.day, f.channel, f.topic_id, f.queue_id, f.segment, m.metric, m.bucket
  ON CONFLICT (day, channel, topic_id, queue_id, segment, metric, bucket) DO UPDATE SET cases = d.cases + excluded.cases`];

/** Full-key rollup rows and duration counts of the keys `keys` that no fact is left in. */
export const emptyRollupsSqls = (keys: string) => [
  `DELETE FROM analytics_daily t USING (${keys}) k
   WHERE (t.day, t.channel, t.topic_id, t.queue_id, t.segment) = (k.day, k.channel, k.topic_id, k.queue_id, k.segment) AND t.facts = 0`,
  `DELETE FROM analytics_daily_durations t USING (${keys}) k
   WHERE (t.day, t.channel, t.topic_id, t.queue_id, t.segment) = (k.day, k.channel, k.topic_id, k.queue_id, k.segment) AND t.cases = 0`,
];

/** Full-key histograms as bucket and count arrays (what filtered reports read), from the row-per-bucket ones of `keysJoin`. */
export const histogramsFromDurationsSql = (keysJoin: string) => `
  INSERT INTO analytics_daily_histograms (day, channel, topic_id, queue_id, segment, metric, buckets, cases)
  SELECT d.day, d.channel, d.topic_id, d.queue_id, d.segment, d.metric, array_agg(d.bucket ORDER BY d.bucket), array_agg(d.cases ORDER BY d.bucket)
  FROM analytics_daily_durations d ${keysJoin}
  GROUP BY d.day, d.channel, d.topic_id, d.queue_id, d.segment, d.metric`;

/**
 * Per day × channel rollups (for reports without a topic, queue or segment filter) summed from the
 * rollups above for the (day, channel) pairs of `keysJoin` (a relation of (day, channel)); the
 * histograms as one row per metric with parallel arrays of ascending buckets and their counts.
 */
export const channelRollupsFromRollupsSql = (keysJoin: string) => [`
  INSERT INTO analytics_channel_daily (day, channel, ${MEASURES.join(', ')})
  SELECT d.day, d.channel, ${MEASURES.map((m) => `sum(d.${m})`).join(', ')}
  FROM analytics_daily d ${keysJoin}
  GROUP BY d.day, d.channel`, `
  INSERT INTO analytics_channel_histograms (day, channel, metric, buckets, cases)
  SELECT b.day, b.channel, b.metric, array_agg(b.bucket ORDER BY b.bucket), array_agg(b.cases ORDER BY b.bucket)
  FROM (SELECT d.day, d.channel, d.metric, d.bucket, sum(d.cases)::bigint AS cases
        FROM analytics_daily_durations d ${keysJoin}
        GROUP BY d.day, d.channel, d.metric, d.bucket) b
  GROUP BY b.day, b.channel, b.metric`];

/** Each full-key rollup row `d` as one row per filter dimension: the topic or queue id as text, or the segment. */
const DIMENSIONS = `(VALUES ('topic', d.topic_id::text), ('queue', d.queue_id::text), ('segment', d.segment)) AS x (dimension, value)`;

/** The (dimension, value, day, channel) keys of the full keys given as $1…$5 (as in the fold). */
export const DIMENSION_KEYS = `SELECT DISTINCT x.dimension, x.value, d.day, d.channel
  FROM unnest($1::date[], $2::text[], $3::uuid[], $4::uuid[], $5::text[]) AS d (day, channel, topic_id, queue_id, segment)
  CROSS JOIN LATERAL ${DIMENSIONS}`;

/**
 * Per dimension × value × day × channel rollups (for reports filtered on one of topic, queue or
 * segment) summed from the full-key rollups for the keys of `keysJoin`, a join on
 * (x.dimension, x.value, d.day, d.channel); histograms as parallel arrays of ascending buckets and counts.
 */
export const dimensionRollupsFromRollupsSql = (keysJoin: string) => [`
  INSERT INTO analytics_dimension_daily (dimension, value, day, channel, ${MEASURES.join(', ')})
  SELECT x.dimension, x.value, d.day, d.channel, ${MEASURES.map((m) => `sum(d.${m})`).join(', ')}
  FROM analytics_daily d CROSS JOIN LATERAL ${DIMENSIONS} ${keysJoin}
  GROUP BY x.dimension, x.value, d.day, d.channel`, `
  INSERT INTO analytics_dimension_histograms (dimension, value, day, channel, metric, buckets, cases)
  SELECT b.dimension, b.value, b.day, b.channel, b.metric, array_agg(b.bucket ORDER BY b.bucket), array_agg(b.cases ORDER BY b.bucket)
  FROM (SELECT x.dimension, x.value, d.day, d.channel, d.metric, d.bucket, sum(d.cases)::bigint AS cases
        FROM analytics_daily_durations d CROSS JOIN LATERAL ${DIMENSIONS} ${keysJoin}
        GROUP BY x.dimension, x.value, d.day, d.channel, d.metric, d.bucket) b
  GROUP BY b.dimension, b.value, b.day, b.channel, b.metric`];

/** Calendar periods whose duration histograms are also kept summed: ISO weeks (from Monday) and months. */
export const PERIOD_UNITS = ['week', 'month'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** The per-channel and per-dimension histogram tables of a period unit; their period column is named after it. */
export const periodTables = (unit: PeriodUnit) => ({ channel: `analytics_channel_${unit}ly_histograms`, dimension: `analytics_dimension_${unit}ly_histograms` });

/** The (period, channel) keys of the days and channels given as $1 and $2, and the (dimension, value, period, channel) keys of the full keys $1…$5. */
export const periodKeys = (unit: PeriodUnit) => ({
  channel: `SELECT DISTINCT date_trunc('${unit}', k.day::timestamp)::date AS ${unit}, k.channel FROM unnest($1::date[], $2::text[]) AS k (day, channel)`,
  dimension: `SELECT DISTINCT k.dimension, k.value, date_trunc('${unit}', k.day::timestamp)::date AS ${unit}, k.channel FROM (${DIMENSION_KEYS}) k`,
});

/**
 * Per week or month histograms (what week- and month-grouped reports read for whole periods) summed
 * from the daily per-channel and per-dimension histograms; `channelJoin` and `dimensionJoin` restrict
 * the daily rows `h` to the touched periods (empty in the rebuild).
 */
export const periodHistogramsSql = (unit: PeriodUnit, channelJoin: string, dimensionJoin: string) => [`
  INSERT INTO ${periodTables(unit).channel} (${unit}, channel, metric, buckets, cases)
  SELECT b.period, b.channel, b.metric, array_agg(b.bucket ORDER BY b.bucket), array_agg(b.cases ORDER BY b.bucket)
  FROM (SELECT date_trunc('${unit}', h.day::timestamp)::date AS period, h.channel, h.metric, x.bucket, sum(x.cases)::bigint AS cases
        FROM analytics_channel_histograms h ${channelJoin} CROSS JOIN LATERAL unnest(h.buckets, h.cases) AS x (bucket, cases)
        GROUP BY 1, 2, 3, 4) b
  GROUP BY b.period, b.channel, b.metric`, `
  INSERT INTO ${periodTables(unit).dimension} (dimension, value, ${unit}, channel, metric, buckets, cases)
  SELECT b.dimension, b.value, b.period, b.channel, b.metric, array_agg(b.bucket ORDER BY b.bucket), array_agg(b.cases ORDER BY b.bucket)
  FROM (SELECT h.dimension, h.value, date_trunc('${unit}', h.day::timestamp)::date AS period, h.channel, h.metric, x.bucket, sum(x.cases)::bigint AS cases
        FROM analytics_dimension_histograms h ${dimensionJoin} CROSS JOIN LATERAL unnest(h.buckets, h.cases) AS x (bucket, cases)
        GROUP BY 1, 2, 3, 4, 5, 6) b
  GROUP BY b.dimension, b.value, b.period, b.channel, b.metric`];
