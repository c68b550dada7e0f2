'use strict';
/**
 * Open cases written straight to the benchmark's database, each with one inbound web-form contact
 * (so full-text search has something to find): 10,000 cases through the web form would measure
 * intake, not the inbox. The inbox only reads these rows.
 */
const STATUSES = ['queued', 'assigned', 'waiting_on_citizen', 'queued', 'offered'];
const WORDS = ['storskrald', 'parkering', 'byggetilladelse', 'folkepension', 'hjemmehjælp', 'vejbelysning', 'skolebus', 'kørekort'];

async function insertOpenCases(client, count, assigneeId) {
  await client.query(
    `WITH t AS (SELECT id, queue_id FROM topics WHERE slug = 'generelt'),
     z AS (INSERT INTO citizens (display_name) SELECT 'Borger ' || n FROM generate_series(1, $1) n RETURNING id),
     numbered AS (SELECT id, row_number() OVER () AS n FROM z),
     c AS (
       INSERT INTO cases (reference, citizen_id, topic_id, queue_id, channel, subject, language, priority, status, assignee_id, sla_due_at, created_at, last_contact_at)
       SELECT 'K-2026-' || lpad(nextval('case_reference_seq')::text, 6, '0'), numbered.id, t.id, t.queue_id, 'webform',
              'Spørgsmål om ' || ($3::text[])[1 + n % array_length($3::text[], 1)], 'da', 2,
              ($2::text[])[1 + n % array_length($2::text[], 1)],
              CASE WHEN ($2::text[])[1 + n % array_length($2::text[], 1)] IN ('assigned', 'waiting_on_citizen') THEN $4::uuid END,
              now() + interval '2 days', now() - n * interval '1 minute', now() - n * interval '1 minute'
       FROM numbered, t RETURNING id, citizen_id, subject, created_at
     )
     INSERT INTO contacts (case_id, citizen_id, channel, direction, sender, subject, body_text, occurred_at)
     SELECT c.id, c.citizen_id, 'webform', 'inbound', '{"name": "Borger"}', c.subject, 'Hej. Jeg har et spørgsmål om ' || c.subject || ' og håber på svar.', c.created_at FROM c`,
    [count, STATUSES, WORDS, assigneeId],
  );
  await client.query('ANALYZE cases; ANALYZE contacts');
}

module.exports = { insertOpenCases };
