import { Injectable } from '@nestjs/common';
import { Database } from '@kontakt/database';
import type { Role, Presence } from './roles';

export interface StaffUserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  languages: string[];
  capacity: Record<string, number>;
  presence: Presence;
  presence_reason: string | null;
  disabled_at: Date | null;
  created_at: Date;
}

export interface SkillRow {
  user_id: string;
  topic: string;
  level: number;
}

export interface NewStaffUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  languages: string[];
  capacity: Record<string, number>;
}

export interface StaffUserChanges {
  role?: Role;
  name?: string;
  disabled?: boolean;
  languages?: string[];
  capacity?: Record<string, number>;
  skills?: { topic: string; level: number }[];
}

const COLUMNS = 'id, email, name, password_hash, role, languages, capacity, presence, presence_reason, disabled_at, created_at';

@Injectable()
export class StaffUsersRepository {
  constructor(private readonly db: Database) {}

  count(): Promise<number> {
    return this.db.one<{ n: number }>('SELECT count(*)::int AS n FROM staff_users').then((r) => r!.n);
  }

  findByEmail(email: string): Promise<StaffUserRow | undefined> {
    return this.db.one(`SELECT ${COLUMNS} FROM staff_users WHERE lower(email) = lower($1)`, [email]);
  }

  findById(id: string): Promise<StaffUserRow | undefined> {
    return this.db.one(`SELECT ${COLUMNS} FROM staff_users WHERE id = $1`, [id]);
  }

  list(): Promise<StaffUserRow[]> {
    return this.db.rows(`SELECT ${COLUMNS} FROM staff_users ORDER BY lower(name), id`);
  }

  skillsOf(userIds: string[]): Promise<SkillRow[]> {
    return this.db.rows(
      `SELECT s.user_id, t.slug AS topic, s.level FROM staff_skills s JOIN topics t ON t.id = s.topic_id
       WHERE s.user_id = ANY($1::uuid[]) ORDER BY t.position`,
      [userIds],
    );
  }

  /** Inserts the user and their skills in one transaction; unknown topic slugs are reported, not skipped. */
  async insert(user: NewStaffUser, skills: { topic: string; level: number }[]): Promise<StaffUserRow> {
    return this.db.transaction(async (tx) => {
      const row = (await tx.one<StaffUserRow>(
        `INSERT INTO staff_users (email, name, password_hash, role, languages, capacity)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [user.email, user.name, user.passwordHash, user.role, user.languages, JSON.stringify(user.capacity)],
      ))!;
      if (skills.length > 0) {
        await tx.rows(
          `INSERT INTO staff_skills (user_id, topic_id, level)
           SELECT $1, t.id, s.level FROM unnest($2::text[], $3::int[]) AS s(topic, level) JOIN topics t ON t.slug = s.topic`,
          [row.id, skills.map((s) => s.topic), skills.map((s) => s.level)],
        );
      }
      return row;
    });
  }

  /**
   * Changes the given fields; capacity is merged per channel, skills (when given) replace all topic
   * skills. One transaction; unknown topic slugs are checked by the caller first.
   */
  update(id: string, changes: StaffUserChanges): Promise<StaffUserRow | undefined> {
    return this.db.transaction(async (tx) => {
      const row = await tx.one<StaffUserRow>(
        `UPDATE staff_users SET
           role = coalesce($2, role),
           name = coalesce($3, name),
           disabled_at = CASE WHEN $4::boolean IS NULL THEN disabled_at WHEN $4 THEN coalesce(disabled_at, now()) ELSE NULL END,
           languages = coalesce($5::text[], languages),
           capacity = capacity || coalesce($6::jsonb, '{}'::jsonb),
           updated_at = now()
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, changes.role ?? null, changes.name ?? null, changes.disabled ?? null, changes.languages ?? null,
          changes.capacity ? JSON.stringify(changes.capacity) : null],
      );
      if (row && changes.skills) {
        await tx.rows('DELETE FROM staff_skills WHERE user_id = $1', [id]);
        await tx.rows(
          `INSERT INTO staff_skills (user_id, topic_id, level)
           SELECT $1, t.id, s.level FROM unnest($2::text[], $3::int[]) AS s(topic, level) JOIN topics t ON t.slug = s.topic`,
          [id, changes.skills.map((s) => s.topic), changes.skills.map((s) => s.level)],
        );
      }
      return row;
    });
  }

  setPresence(id: string, presence: Presence, reason: string | null): Promise<StaffUserRow | undefined> {
    return this.db.one(
      `UPDATE staff_users SET presence = $2, presence_reason = $3, presence_changed_at = now(), updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, presence, reason],
    );
  }

  unknownTopics(slugs: string[]): Promise<string[]> {
    return this.db
      .rows<{ slug: string }>('SELECT s AS slug FROM unnest($1::text[]) s WHERE NOT EXISTS (SELECT 1 FROM topics t WHERE t.slug = s)', [slugs])
      .then((rows) => rows.map((r) => r.slug));
  }
}
