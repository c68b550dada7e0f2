import type { QueueSettings } from './queue-settings';

export const MIN_PRIORITY = 1;
export const MAX_PRIORITY = 4;

/** Priority steps a citizen with any vulnerability flag (libs/citizens/src/vulnerability.ts) gains. */
export const VULNERABLE_PRIORITY_STEP = 1;

/**
 * A case's priority for routing: the topic's priority (set by intake's topic rules), plus the
 * queue's adjustment for the citizen's segment, plus VULNERABLE_PRIORITY_STEP when the citizen has a
 * vulnerability flag, kept within 1 (low) … 4 (urgent).
 */
export function effectivePriority(topicPriority: number, segment: string, vulnerable: boolean, settings: Pick<QueueSettings, 'segmentPriority'>): number {
  const adjusted = topicPriority + (settings.segmentPriority[segment] ?? 0) + (vulnerable ? VULNERABLE_PRIORITY_STEP : 0);
  return Math.min(MAX_PRIORITY, Math.max(MIN_PRIORITY, Math.round(adjusted)));
}

/**
 * The order key of a waiting case; the router offers the smallest key first.
 *
 *   routingKey = queuedAt − (priority − 1) × agingMinutesPerPriority
 *
 * Ordering by it is the same as ordering by `(priority − 1) × A + minutesWaited` descending: each
 * priority step is worth A minutes of waiting. So a priority-1 case that has waited more than 3 × A
 * minutes goes before any urgent case that arrives after it, and no case is starved however many
 * higher-priority cases keep arriving: its key is fixed while every new case's key is at least
 * `now − 3A`. Ties go to the earlier case id. A = 0 makes the order pure first-come, first-served.
 */
export function routingKey(queuedAt: Date, priority: number, settings: Pick<QueueSettings, 'agingMinutesPerPriority'>): Date {
  return new Date(queuedAt.getTime() - (priority - 1) * settings.agingMinutesPerPriority * 60_000);
}
