'use strict';
const { Client } = require('pg');
const { startServer } = require('../intake/server-process');

const ADMIN = { email: 'bench-admin@kommune.test', password: 'Bench-Adgangskode-2026' };

/**
 * Starts the Kontakt server on the benchmark's database with the bench admin and signs in. `bench`
 * gets the server and a pg client as soon as each exists, so the caller's cleanup stops them
 * whatever fails after.
 */
async function startSignedIn(target, bench) {
  bench.server = await startServer({ env: { ...target.serverEnv, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ROUTING_SWEEP_SECONDS: '60' } });
  bench.client = new Client({ connectionString: target.databaseUrl() });
  await bench.client.connect();
  const login = await fetch(`${bench.server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const { accessToken } = await login.json();
  const { rows: [admin] } = await bench.client.query('SELECT id FROM staff_users WHERE email = $1', [ADMIN.email]);
  return { token: accessToken, adminId: admin.id };
}

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

module.exports = { insertOpenCases, startSignedIn };
