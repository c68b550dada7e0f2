import type { Channel, Sql } from '@kontakt/core';
import type { CaseStatus } from './case-status';

/** A live offer ended because staff moved its case. */
export interface WithdrawnOffer {
  offerId: string;
  caseId: string;
  agentId: string;
}

/** What a committed change did to a case, for the router to act on. */
export interface CaseChange {
  caseId: string;
  status: CaseStatus;
  assigneeId: string | null;
  previousAssigneeId: string | null;
  withdrawn?: WithdrawnOffer;
}

/**
 * How case code tells the router what it did, implemented by @kontakt/routing. Inside a transaction
 * that moves an offered case, `withdrawLiveOffer` ends its offer (the caller holds the case's lock);
 * after commit, `caseChanged` and `contactRecorded` let the router offer, release and notify.
 */
export abstract class CaseRoutingHooks {
  abstract withdrawLiveOffer(tx: Sql, caseId: string, reason: string): Promise<WithdrawnOffer | undefined>;
  abstract caseChanged(change: CaseChange): void;
  abstract contactRecorded(caseId: string, contactId: string, newCase: boolean): void;
  /**
   * When a case that starts waiting in `queueId` at `from` is due its first response, in the queue's
   * business hours. Inside a transaction pass its `sql`, so reading the queue's settings never waits for a second pooled connection.
   */
  abstract firstResponseDue(queueId: string, channel: Channel, from: Date, sql?: Sql): Promise<Date>;
  /** A staff member marked a case read or unread; their other tabs and devices follow. */
  abstract readStateChanged(staffId: string, caseId: string, unread: boolean): void;
}
