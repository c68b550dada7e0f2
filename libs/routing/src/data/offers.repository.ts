import { Injectable } from '@nestjs/common';
import type { Channel, Sql } from '@kontakt/core';
import { Database } from '@kontakt/database';

export const OFFER_STATUSES = ['pending', 'accepted', 'rejected', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export interface OfferRow {
  id: string;
  case_id: string;
  agent_id: string;
  channel: Channel;
  status: OfferStatus;
  auto_accepted: boolean;
  created_at: Date;
  expires_at: Date;
}

const COLUMNS = 'id, case_id, agent_id, channel, status, auto_accepted, created_at, expires_at';

/** Offers of cases to agents. Each live (pending) offer holds one unit of the agent's capacity (trigger). */
@Injectable()
export class OffersRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts offers in one statement; an auto-accepted one is born accepted. Each pending offer takes
   * a unit of its agent's capacity (trigger). Returns the rows keyed by case.
   */
  async insertMany(tx: Sql, offers: { caseId: string; agentId: string; channel: Channel; autoAccepted: boolean; seconds: number }[]): Promise<Map<string, OfferRow>> {
    const rows = await tx.rows<OfferRow>(
      `INSERT INTO routing_offers (case_id, agent_id, channel, status, auto_accepted, expires_at, ended_at)
       SELECT o.case_id, o.agent_id, o.channel, CASE WHEN o.auto THEN 'accepted' ELSE 'pending' END, o.auto,
              now() + make_interval(secs => o.seconds), CASE WHEN o.auto THEN now() END
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::boolean[], $5::int[]) AS o(case_id, agent_id, channel, auto, seconds)
       RETURNING ${COLUMNS}`,
      [offers.map((o) => o.caseId), offers.map((o) => o.agentId), offers.map((o) => o.channel), offers.map((o) => o.autoAccepted), offers.map((o) => o.seconds)],
    );
    return new Map(rows.map((r) => [r.case_id, r]));
  }

  /** Where an offer belongs, read without a lock so the caller can take the case lock first. */
  find(id: string): Promise<OfferRow | undefined> {
    return this.db.prepared.one(`SELECT ${COLUMNS} FROM routing_offers WHERE id = $1`, [id]);
  }

  /** Lock "offer": taken after the case's lock (order: case → offer → agent capacity). */
  lock(tx: Sql, id: string): Promise<OfferRow | undefined> {
    return tx.one(`SELECT ${COLUMNS} FROM routing_offers WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** The live offer of a case, under the "offer" lock; the caller holds the case's lock. */
  lockLiveOfCase(tx: Sql, caseId: string): Promise<OfferRow | undefined> {
    return tx.one(`SELECT ${COLUMNS} FROM routing_offers WHERE case_id = $1 AND status = 'pending' FOR UPDATE`, [caseId]);
  }

  async end(tx: Sql, id: string, status: Exclude<OfferStatus, 'pending'>, reason: string): Promise<void> {
    await tx.rows(`UPDATE routing_offers SET status = $2, end_reason = $3, ended_at = now() WHERE id = $1 AND status = 'pending'`, [id, status, reason]);
  }

  /** A case's status, assignee and the agent it is offered to, for telling them about a new contact. */
  caseHolder(caseId: string): Promise<{ status: string; assignee_id: string | null; offered_to: string | null } | undefined> {
    return this.db.one(
      `SELECT c.status, c.assignee_id, (SELECT o.agent_id FROM routing_offers o WHERE o.case_id = c.id AND o.status = 'pending') AS offered_to
       FROM cases c WHERE c.id = $1`,
      [caseId],
    );
  }

  liveOfAgent(agentId: string): Promise<OfferRow[]> {
    return this.db.rows(`SELECT ${COLUMNS} FROM routing_offers WHERE agent_id = $1 AND status = 'pending' ORDER BY created_at`, [agentId]);
  }

  /** Live offers past their time (a missed expiry job), or held by agents who are no longer available. */
  stale(graceSeconds: number, limit: number): Promise<(OfferRow & { agent_available: boolean })[]> {
    return this.db.rows(
      `SELECT ${COLUMNS.split(', ').map((c) => `o.${c}`).join(', ')}, u.presence = 'available' AS agent_available
       FROM routing_offers o JOIN staff_users u ON u.id = o.agent_id
       WHERE o.status = 'pending' AND (o.expires_at < now() - make_interval(secs => $1) OR u.presence <> 'available')
       ORDER BY o.expires_at LIMIT $2`,
      [graceSeconds, limit],
    );
  }
}
