'use strict';
/**
 * Agents, sessions and a cold queue written straight to the benchmark's database: creating 1,000
 * agents through the API would spend minutes hashing passwords, and 100,000 cases through the web
 * form would measure intake, not routing. The router only reads these rows.
 */
const { createHash, randomBytes } = require('node:crypto');

async function insertAgents(client, count, { label, topic = 'generelt', level = 3, capacity }) {
  const tokens = Array.from({ length: count }, () => randomBytes(32).toString('base64url'));
  const { rows } = await client.query(
    `INSERT INTO staff_users (email, name, password_hash, role, languages, capacity)
     SELECT $1 || '-' || n || '@bench.test', 'Bench agent ' || n, '$argon2id$v=19$m=65536,t=3,p=4$unused', 'agent', '{da,en}', $2::jsonb
     FROM generate_series(1, $3) n RETURNING id`,
    [label, JSON.stringify(capacity), count],
  );
  await client.query(
    `INSERT INTO staff_skills (user_id, topic_id, level) SELECT u, (SELECT id FROM topics WHERE slug = $2), $3 FROM unnest($1::uuid[]) u`,
    [rows.map((r) => r.id), topic, level],
  );
  await client.query(
    `INSERT INTO staff_sessions (user_id, token_hash, expires_at) SELECT u, h, now() + interval '1 day' FROM unnest($1::uuid[], $2::bytea[]) AS s(u, h)`,
    [rows.map((r) => r.id), tokens.map((t) => createHash('sha256').update(t).digest())],
  );
  return rows.map((r, i) => ({ id: r.id, token: tokens[i] }));
}

/** `count` queued web-form cases of the topic, one citizen each, as intake would leave them. */
async function insertQueuedCases(client, count, { topic = 'generelt' } = {}) {
  await client.query(
    `WITH t AS (SELECT t.id, t.queue_id FROM topics t WHERE t.slug = $2),
     z AS (INSERT INTO citizens (display_name) SELECT 'Borger ' || n FROM generate_series(1, $1) n RETURNING id)
     INSERT INTO cases (reference, citizen_id, topic_id, queue_id, channel, subject, language, priority, status, sla_due_at)
     SELECT 'K-2026-' || lpad(nextval('case_reference_seq')::text, 6, '0'), z.id, t.id, t.queue_id, 'webform', 'Spørgsmål', 'da',
            2, 'queued', now() + interval '2 days'
     FROM z, t`,
    [count, topic],
  );
}

module.exports = { insertAgents, insertQueuedCases };
