/**
 * An agent who lets `limit` offers in a row expire is set away, so cases stop waiting on someone who
 * is not at the desk. Accepting or rejecting an offer resets the count.
 */
export function shouldSetAway(missedInARow: number, limit: number): boolean {
  return missedInARow >= limit;
}

export const MISSED_OFFERS_REASON = 'missed_offers';
export const DISCONNECTED_REASON = 'disconnected';
export const LOGGED_OUT_REASON = 'logged_out';
