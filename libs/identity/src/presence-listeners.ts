import { Injectable } from '@nestjs/common';
import type { Presence } from './roles';

export interface PresenceChange {
  userId: string;
  presence: Presence;
  reason: string | null;
}

export type PresenceListener = (change: PresenceChange) => Promise<void>;

/**
 * Who hears that a staff member's presence changed (the router withdraws offers and routes on it).
 * Identity cannot depend on the router, so the router registers here at start.
 */
@Injectable()
export class PresenceListeners {
  private readonly listeners: PresenceListener[] = [];

  add(listener: PresenceListener): void {
    this.listeners.push(listener);
  }

  async notify(change: PresenceChange): Promise<void> {
    for (const listener of this.listeners) await listener(change);
  }
}
