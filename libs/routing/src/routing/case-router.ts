import { Injectable } from '@nestjs/common';
import { RoutingConnections } from '../data/routing-connections';
import type { QueuePosition } from '../data/routing-entries.repository';
import { PageRouter } from './page-router';
import { RoutingAnnouncer } from './routing-announcer';
import { RoutingWork } from './routing-work';

/** Pages one pass walks past cases no free agent could take, before leaving deeper cases to the sweep's walk. */
const MAX_PAGES = 25;
/** Passes in a row that found agents they wanted locked by another router, before leaving it to the sweep. */
const MAX_BUSY_RETRIES = 3;

/**
 * The router. Every trigger (a case queued or requeued, an agent available or with capacity released,
 * an offer ended, an escalation) asks for a pass; requests that arrive while a pass waits or runs are
 * merged into one more pass, so a burst of new cases costs a few transactions, not one per case. A
 * pass routes the waiting queue from its head a page at a time (PageRouter: one short transaction per
 * page under the "case to route" and "agent capacity" locks) for as long as some agent has room.
 */
@Injectable()
export class CaseRouter {
  private busyStreak = 0;

  constructor(
    private readonly connections: RoutingConnections,
    private readonly pages: PageRouter,
    private readonly announcer: RoutingAnnouncer,
    private readonly work: RoutingWork,
  ) {}

  /** Something may be routable now: routes after the caller's commit, without waiting. */
  routeWaiting(): void {
    this.work.submit('pass', () => this.pass());
  }

  private async pass(): Promise<void> {
    const { busy, made, more } = await this.walk(undefined, MAX_PAGES);
    this.busyStreak = busy ? this.busyStreak + 1 : 0;
    // the pass ran out of pages while it was still offering and agents had room: the queue's head has moved, start again there
    if (more && made > 0) this.routeWaiting();
    // another router held agents this pass wanted for a moment: try again a few times, then leave it to the sweep
    else if (busy && this.busyStreak <= MAX_BUSY_RETRIES) this.routeWaiting();
    else this.busyStreak = 0;
  }

  /**
   * Routes up to `pages` pages after `from` (the head when undefined) while some agent has room.
   * Returns where it stopped (no position when it reached the end of the queue), the offers made,
   * and whether it stopped only for the page limit, with agents still having room.
   */
  async walk(from: QueuePosition | undefined, pages: number): Promise<{ next?: QueuePosition; busy: boolean; made: number; more: boolean }> {
    let after = from;
    let busy = false;
    let made = 0;
    for (let page = 0; page < pages; page++) {
      const routed = await this.connections.transaction((tx) => this.pages.route(tx, after, page));
      routed.made.forEach((offer) => this.announcer.offerMade(offer));
      made += routed.made.length;
      busy ||= routed.busy;
      if (!routed.full) return { busy, made, more: false };
      after = routed.last;
      if (!routed.roomLeft) return { next: after, busy, made, more: false };
    }
    return { next: after, busy, made, more: true };
  }
}
