import { Injectable } from '@nestjs/common';
import type { Language, Sql } from '@kontakt/core';
import type { VulnerabilityFlag } from './vulnerability';

export type IdentityKind = 'email' | 'phone' | 'address';

export interface CitizenIdentity {
  kind: IdentityKind;
  value: string;
}

/**
 * Common table expressions that find the citizen owning any of the identities (in the order given)
 * or create one, name a nameless found citizen, and record the identities they did not have yet.
 * `chosen` is the one row (id, existed); `claimed` the identities recorded. Parameters: $1 kinds,
 * $2 values, $3 name, $4 language; a statement using them (the intake opens a case for the citizen
 * in the same statement) numbers its own from $5.
 */
const RESOLVE_CITIZEN_CTES = `wanted AS (SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS w(kind, value, n)),
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

/** The citizen CTEs and their four parameters, for a statement that resolves the sender of a contact. */
export function resolveCitizenStatement(identities: CitizenIdentity[], name: string | undefined, language: Language): { ctes: string; params: unknown[] } {
  return {
    ctes: RESOLVE_CITIZEN_CTES,
    params: [identities.map((i) => i.kind), identities.map((i) => i.value), name ?? null, language],
  };
}

/** What the citizen CTEs decided, as the statement using them returns it (`existed`, `claimed` from `chosen` and `claimed`). */
export interface CitizenResolution {
  id: string;
  existed: boolean;
  claimed: number;
}

/** Citizens and their normalised identities (email, E.164 phone, postal address). */
@Injectable()
export class CitizensRepository {
  /**
   * Finds the citizen owning any of the identities (in the order given) or creates one, and records
   * the identities they did not have yet: one statement, inside the caller's transaction. Two intakes
   * racing for the same new identity both create a citizen; the loser's identity inserts all
   * conflict, so it deletes its own citizen and takes the winner's.
   */
  async resolve(tx: Sql, identities: CitizenIdentity[], name: string | undefined, language: Language): Promise<string> {
    const citizen = resolveCitizenStatement(identities, name, language);
    const resolved = (await tx.one<CitizenResolution>(
      `WITH ${citizen.ctes} SELECT c.id, c.existed, (SELECT count(*)::int FROM claimed) AS claimed FROM chosen c`,
      citizen.params,
    ))!;
    const winner = await this.raceWinner(tx, resolved, identities);
    if (!winner) return resolved.id;
    await this.deleteCitizen(tx, resolved.id);
    return winner;
  }

  /**
   * The citizen another intake committed with these identities after the resolving statement's
   * snapshot, when that statement created a citizen but could claim none of them (it lost the race).
   */
  async raceWinner(tx: Sql, resolved: CitizenResolution, identities: CitizenIdentity[]): Promise<string | undefined> {
    if (!this.mayHaveLostRace(resolved, identities)) return undefined;
    const winner = await tx.one<{ citizen_id: string }>(
      `SELECT i.citizen_id FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS w(kind, value, n)
       JOIN citizen_identities i ON i.kind = w.kind AND i.value = w.value ORDER BY w.n LIMIT 1`,
      [identities.map((i) => i.kind), identities.map((i) => i.value)],
    );
    return winner?.citizen_id;
  }

  /** The resolving statement created a citizen but could claim none of the identities it was given. */
  mayHaveLostRace(resolved: Pick<CitizenResolution, 'existed' | 'claimed'>, identities: CitizenIdentity[]): boolean {
    return !resolved.existed && identities.length > 0 && resolved.claimed === 0;
  }

  /** Deletes a citizen who has nothing left (a race loser's, once its case and contact moved to the winner). */
  async deleteCitizen(tx: Sql, id: string): Promise<void> {
    await tx.rows('DELETE FROM citizens WHERE id = $1', [id]);
  }

  /**
   * Folds a citizen who has nothing left of their own (their contacts and cases already moved) into
   * another: their identities and, when the other has none, their name go over, and they are deleted.
   */
  async mergeInto(tx: Sql, fromId: string, intoId: string): Promise<void> {
    await tx.rows(
      `WITH identities AS (UPDATE citizen_identities SET citizen_id = $2 WHERE citizen_id = $1),
       named AS (
         UPDATE citizens i SET display_name = f.display_name, updated_at = now() FROM citizens f
         WHERE i.id = $2 AND f.id = $1 AND i.display_name IS NULL AND f.display_name IS NOT NULL)
       SELECT 1`,
      [fromId, intoId],
    );
    await this.deleteCitizen(tx, fromId);
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

  /** Locks a citizen's row for a change staff make to their record; undefined when there is no such citizen. */
  lock(tx: Sql, id: string): Promise<{ id: string; display_name: string | null } | undefined> {
    return tx.one('SELECT id, display_name FROM citizens WHERE id = $1 FOR UPDATE', [id]);
  }

  async setName(tx: Sql, id: string, name: string): Promise<void> {
    await tx.rows('UPDATE citizens SET display_name = $2, updated_at = now() WHERE id = $1', [id, name]);
  }

  /**
   * Makes an address, as staff recorded it, the citizen's one address identity: recorded (or, when
   * the citizen already has it, marked recorded now) with how it was written and by whom, and their
   * other addresses removed. When another citizen has the address nothing changes and their id is returned.
   */
  async recordAddress(
    tx: Sql, citizenId: string, address: { value: string; writtenAs: string }, staffId: string,
  ): Promise<{ recorded: true; replaced: number } | { recorded: false; ownerId: string }> {
    const mine = await tx.rows<{ id: string }>(
      `INSERT INTO citizen_identities (citizen_id, kind, value, verified, written_as, recorded_by, recorded_at)
       VALUES ($1, 'address', $2, true, $3, $4, now())
       ON CONFLICT ON CONSTRAINT citizen_identities_kind_value DO UPDATE
         SET verified = true, written_as = excluded.written_as, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
         WHERE citizen_identities.citizen_id = excluded.citizen_id
       RETURNING id`,
      [citizenId, address.value, address.writtenAs, staffId],
    );
    if (mine.length === 0) {
      const owner = await tx.one<{ citizen_id: string }>(`SELECT citizen_id FROM citizen_identities WHERE kind = 'address' AND value = $1`, [address.value]);
      return { recorded: false, ownerId: owner!.citizen_id };
    }
    const replaced = await tx.rows(
      `DELETE FROM citizen_identities WHERE citizen_id = $1 AND kind = 'address' AND value <> $2 RETURNING id`,
      [citizenId, address.value],
    );
    return { recorded: true, replaced: replaced.length };
  }

  vulnerabilityFlags(sql: Sql, id: string): Promise<{ vulnerability_flags: VulnerabilityFlag[] } | undefined> {
    return sql.one('SELECT vulnerability_flags FROM citizens WHERE id = $1', [id]);
  }

  /** Replaces a citizen's vulnerability flags; undefined when there is no such citizen. */
  setVulnerabilityFlags(tx: Sql, id: string, flags: VulnerabilityFlag[]): Promise<{ vulnerability_flags: VulnerabilityFlag[] } | undefined> {
    return tx.one(
      'UPDATE citizens SET vulnerability_flags = $2::text[], updated_at = now() WHERE id = $1 RETURNING vulnerability_flags',
      [id, flags],
    );
  }
}
