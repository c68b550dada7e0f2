import { Injectable } from '@nestjs/common';
import type { Language, Sql } from '@kontakt/core';

export type IdentityKind = 'email' | 'phone' | 'address';

export interface CitizenIdentity {
  kind: IdentityKind;
  value: string;
}

export interface CitizenRow {
  id: string;
  display_name: string | null;
  preferred_language: Language;
  segment: string;
  created_at: Date;
}

export interface CitizenIdentityRow {
  kind: IdentityKind;
  value: string;
  verified: boolean;
}

/** Citizens and their normalised identities (email, E.164 phone, postal address). */
@Injectable()
export class CitizensRepository {
  /**
   * Finds the citizen owning any of the identities (in the order given) or creates one, then records
   * the identities they did not have yet. Runs inside the caller's transaction. Two intakes racing
   * for the same new identity both insert a citizen; the loser's identity insert conflicts, so it
   * deletes its own citizen and takes the winner's.
   */
  async resolve(tx: Sql, identities: CitizenIdentity[], name: string | undefined, language: Language): Promise<string> {
    const existing = await tx.one<{ citizen_id: string }>(
      `SELECT i.citizen_id FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS wanted(kind, value, n)
       JOIN citizen_identities i ON i.kind = wanted.kind AND i.value = wanted.value
       ORDER BY wanted.n LIMIT 1`,
      [identities.map((i) => i.kind), identities.map((i) => i.value)],
    );
    let citizenId = existing?.citizen_id;
    if (!citizenId) {
      citizenId = (await tx.one<{ id: string }>(
        'INSERT INTO citizens (display_name, preferred_language) VALUES ($1, $2) RETURNING id',
        [name ?? null, language],
      ))!.id;
    } else if (name) {
      await tx.rows('UPDATE citizens SET display_name = $2, updated_at = now() WHERE id = $1 AND display_name IS NULL', [citizenId, name]);
    }
    if (identities.length === 0) return citizenId;

    const claimed = await tx.rows<{ kind: string; value: string; citizen_id: string }>(
      `WITH wanted AS (SELECT * FROM unnest($2::text[], $3::text[]) AS w(kind, value)),
       inserted AS (
         INSERT INTO citizen_identities (citizen_id, kind, value) SELECT $1, kind, value FROM wanted
         ON CONFLICT ON CONSTRAINT citizen_identities_kind_value DO NOTHING RETURNING kind, value
       )
       SELECT w.kind, w.value, i.citizen_id FROM wanted w
       JOIN citizen_identities i ON i.kind = w.kind AND i.value = w.value
       WHERE NOT EXISTS (SELECT 1 FROM inserted x WHERE x.kind = w.kind AND x.value = w.value)`,
      [citizenId, identities.map((i) => i.kind), identities.map((i) => i.value)],
    );
    const winner = claimed.find((c) => c.citizen_id !== citizenId);
    if (!existing && winner && claimed.length === identities.length) {
      await tx.rows('DELETE FROM citizens WHERE id = $1', [citizenId]);
      return winner.citizen_id;
    }
    return citizenId;
  }

  /** Gives a known citizen an identity learnt later (an address read from their letter), unless someone already has it. */
  async addIdentity(tx: Sql, citizenId: string, identity: CitizenIdentity): Promise<boolean> {
    const rows = await tx.rows<{ id: string }>(
      `INSERT INTO citizen_identities (citizen_id, kind, value) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT citizen_identities_kind_value DO NOTHING RETURNING id`,
      [citizenId, identity.kind, identity.value],
    );
    return rows.length > 0;
  }

  citizen(sql: Sql, id: string): Promise<CitizenRow | undefined> {
    return sql.one('SELECT id, display_name, preferred_language, segment, created_at FROM citizens WHERE id = $1', [id]);
  }

  identities(sql: Sql, citizenId: string): Promise<CitizenIdentityRow[]> {
    return sql.rows('SELECT kind, value, verified FROM citizen_identities WHERE citizen_id = $1 ORDER BY kind, created_at', [citizenId]);
  }
}
