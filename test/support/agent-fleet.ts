import { createHash, randomBytes } from 'node:crypto';
import type { Client } from 'pg';

export interface FleetAgent {
  id: string;
  token: string;
}

/**
 * Many agents at once, written straight to the database: each with a topic skill, both languages,
 * a capacity and an open session. Creating them through POST /api/v1/users would spend most of a
 * load test hashing passwords; the router only reads these rows.
 */
export async function insertAgents(db: Client, count: number, options: { topic: string; level: number; capacity: Record<string, number>; label: string }): Promise<FleetAgent[]> {
  const tokens = Array.from({ length: count }, () => randomBytes(32).toString('base64url'));
  const { rows } = await db.query<{ id: string; n: number }>(
    `INSERT INTO staff_users (email, name, password_hash, role, languages, capacity)
     SELECT $1 || '-' || n || '@fleet.test', 'Agent ' || n, '$argon2id$v=19$m=65536,t=3,p=4$unused', 'agent', '{da,en}', $2::jsonb
     FROM generate_series(1, $3) n RETURNING id, split_part(split_part(email, '@', 1), '-', 2)::int AS n`,
    [options.label, JSON.stringify(options.capacity), count],
  );
  rows.sort((a, b) => a.n - b.n);
  await db.query(
    `INSERT INTO staff_skills (user_id, topic_id, level) SELECT u, (SELECT id FROM topics WHERE slug = $2), $3 FROM unnest($1::uuid[]) u`,
    [rows.map((r) => r.id), options.topic, options.level],
  );
  await db.query(
    `INSERT INTO staff_sessions (user_id, token_hash, expires_at) SELECT u, h, now() + interval '1 day' FROM unnest($1::uuid[], $2::bytea[]) AS s(u, h)`,
    [rows.map((r) => r.id), tokens.map((t) => createHash('sha256').update(t).digest())],
  );
  return rows.map((r, i) => ({ id: r.id, token: tokens[i] }));
}
