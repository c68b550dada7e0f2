'use strict';
/**
 * The database's own ceiling for one web-form intake: a raw `pg` Pool with as many connections as
 * the HTTP run, each worker looping the statement the intake pipeline issues for a new web-form
 * contact (libs/intake, libs/citizens, libs/cases repositories):
 *
 *   (no dedupe SELECT: a web-form submission without an Idempotency-Key has no external id)
 *   one statement (CasesRepository.openCase), a transaction of its own as in the server (no BEGIN/COMMIT):
 *   the citizen resolved or created with their identities, the queued case with the nextval reference,
 *   its status link, the contact and case_events ×3
 *   (a race's loser adds a transaction with a lookup, an UPDATE and a DELETE, which a benchmark of unique senders never meets)
 *   (analytics adds no row: the folder finds the contact and events by their transaction id)
 *
 * No HTTP, no Nest, no TypeORM, no classification: what is left is PostgreSQL plus the driver,
 * so server contacts/s divided by this is the share of the database's capacity the server reaches.
 * Like the server's `Database.prepared` (libs/database), the statement runs as a named prepared
 * statement; `prepared: false` sends it unnamed, to compare with a server built before that.
 * Keep the SQL in step with the repositories when they change.
 */
const { randomBytes, randomUUID, createHash } = require('node:crypto');
const { Pool } = require('pg');
const { summariseLatencies } = require('./latency');

const CASE_COLUMNS = `id, reference, citizen_id, topic_id, queue_id, channel, subject, language, priority, status,
  assignee_id, sla_due_at, created_at, updated_at, last_contact_at, resolved_at`;

const CITIZEN_CTES = `wanted AS (SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS w(kind, value, n)),
       found AS (
         SELECT i.citizen_id FROM wanted JOIN citizen_identities i ON i.kind = wanted.kind AND i.value = wanted.value
         ORDER BY wanted.n LIMIT 1
       ),
       created AS (
         INSERT INTO citizens (display_name, preferred_language) SELECT $3, $4 WHERE NOT EXISTS (SELECT 1 FROM found) RETURNING id
       ),
       named AS (
         UPDATE citizens SET display_name = $3, updated_at = now()
         WHERE id = (SELECT citizen_id FROM found) AND $3::text IS NOT NULL AND display_name IS NULL
       ),
       chosen AS (SELECT citizen_id AS id, true AS existed FROM found UNION ALL SELECT id, false FROM created),
       claimed AS (
         INSERT INTO citizen_identities (citizen_id, kind, value) SELECT c.id, w.kind, w.value FROM wanted w CROSS JOIN chosen c
         ON CONFLICT ON CONSTRAINT citizen_identities_kind_value DO NOTHING RETURNING kind
       )`;

const SQL = {
  openCase: `WITH ${CITIZEN_CTES},
       inserted AS (
         INSERT INTO cases (reference, citizen_id, topic_id, queue_id, channel, subject, language, priority, status, sla_due_at)
         VALUES ('K-' || to_char(now() AT TIME ZONE $12, 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 6, '0'),
                 (SELECT id FROM chosen), $5, $6, $7, $8, $9, $10, 'queued', $11::timestamptz)
         RETURNING ${CASE_COLUMNS}
       ), link AS (
         INSERT INTO case_status_links (token_hash, case_id) SELECT $13, id FROM inserted
       ), contact AS (
         INSERT INTO contacts (id, case_id, citizen_id, channel, direction, external_id, sender, subject, body_text, body_html,
                               language, author_id, occurred_at, quoted_text)
         VALUES ($14, (SELECT id FROM inserted), (SELECT id FROM chosen), $15, $16, $17, $18, $19, $20,
                 $21, $22, $23, $24, $25)
       ), events AS (
         INSERT INTO case_events (case_id, type, from_status, to_status, actor_kind, actor_id, data)
         SELECT (SELECT id FROM inserted), e.* FROM unnest($26::text[], $27::text[], $28::text[], $29::text[],
                                                           $30::uuid[], $31::jsonb[]) AS e
       )
       SELECT i.id, i.reference, i.citizen_id, c.existed, (SELECT count(*)::int FROM claimed) AS claimed FROM inserted i, chosen c`,
};

/** One name per statement text, as the server does, so each connection parses and plans a statement once. */
const statementNames = new Map();
function statement(text, values, prepared) {
  if (!prepared) return { text, values };
  if (!statementNames.has(text)) statementNames.set(text, `bench_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`);
  return { name: statementNames.get(text), text, values };
}

async function loadTopics(pool) {
  const { rows } = await pool.query(
    `SELECT t.id, t.slug, t.queue_id, t.priority, q.slug AS queue_slug, q.sla_minutes FROM topics t JOIN queues q ON q.id = t.queue_id`,
  );
  return new Map(rows.map((r) => [r.slug, r]));
}

/** One contact, one transaction: the intake's statement for a first contact. */
async function recordContact(client, submission, { topics, timeZone, prepared }) {
  const { body, identities, topicSlug } = submission;
  const topic = topics.get(topicSlug);
  const statusTokenHash = createHash('sha256').update(randomBytes(32).toString('base64url')).digest();
  const sender = { name: body.name, email: body.email, ...(body.phone ? { phone: identities[1].value } : {}) };
  const contactId = randomUUID();
  const events = [
    ['created', null, 'new', 'citizen', { channel: 'webform', topic: topic.slug, priority: topic.priority, matchedKeywords: [topic.slug] }],
    ['status_changed', 'new', 'queued', 'system', { queue: topic.queue_slug }],
    ['contact_received', null, null, 'citizen', { contactId, channel: 'webform' }],
  ];
  await client.query(statement(SQL.openCase, [identities.map((i) => i.kind), identities.map((i) => i.value), body.name, 'da',
    topic.id, topic.queue_id, 'webform', body.subject, 'da', topic.priority, new Date(Date.now() + topic.sla_minutes * 60_000), timeZone, statusTokenHash,
    contactId, 'webform', 'inbound', null, JSON.stringify(sender), body.subject, body.message, null, 'da', null, new Date(), null,
    events.map((e) => e[0]), events.map((e) => e[1]), events.map((e) => e[2]), events.map((e) => e[3]), events.map(() => null),
    events.map((e) => JSON.stringify(e[4]))], prepared));
}

/** `connections` workers looping transactions for `seconds`; returns throughput and latency of whole transactions. */
async function runLoop(pool, { connections, seconds, stream, signal, ...shape }) {
  const latencies = [];
  const errors = new Map();
  const started = process.hrtime.bigint();
  const end = started + BigInt(Math.round(seconds * 1e9));
  const worker = async () => {
    while (process.hrtime.bigint() < end && !signal?.aborted) {
      const submission = stream.next();
      const t0 = process.hrtime.bigint();
      const client = await pool.connect();
      try {
        await recordContact(client, submission, shape);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      } catch (error) {
        errors.set(error.message, (errors.get(error.message) ?? 0) + 1);
      } finally {
        client.release();
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    seconds: elapsed,
    contacts: latencies.length,
    contactsPerSecond: latencies.length / elapsed,
    errors: [...errors.values()].reduce((a, b) => a + b, 0),
    errorMessages: [...errors.keys()].slice(0, 3),
    latencyMs: summariseLatencies(latencies),
  };
}

/**
 * `signal` ends the loops early (an interrupted run). `startMeasuring` (optional) is called after the warm-up; what its `finish(contacts)` returns
 * (CPU use, database activity) is merged into the result.
 */
async function measureDatabaseCeiling({ url, connections, seconds, warmupSeconds, stream, timeZone = 'Europe/Copenhagen', prepared = true, signal, startMeasuring }) {
  const pool = new Pool({ connectionString: url, max: connections, application_name: 'kontakt-bench-ceiling' });
  try {
    const topics = await loadTopics(pool);
    if (warmupSeconds > 0) await runLoop(pool, { connections, seconds: warmupSeconds, stream, signal, topics, timeZone, prepared });
    const measuring = startMeasuring && (await startMeasuring());
    const result = await runLoop(pool, { connections, seconds, stream, signal, topics, timeZone, prepared });
    return measuring ? { ...result, ...(await measuring.finish(result.contacts)) } : result;
  } finally {
    await pool.end();
  }
}

module.exports = { measureDatabaseCeiling };
