import type { Channel } from '@kontakt/core';

/** Opening hours per ISO weekday (1 Monday … 7 Sunday) as [from, to) pairs of "HH:MM" in the municipality's zone. */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string][]>>;

/** How one queue routes: who may take its cases, how long they wait before escalating, and its SLA. */
export interface QueueSettings {
  queueId: string;
  queueSlug: string;
  /** the skill level an agent needs on the case's topic (or on the whole queue) */
  minLevel: number;
  /** the level needed once a case has waited escalateLevelAfterSeconds */
  escalatedMinLevel: number;
  escalateLevelAfterSeconds: number;
  /** agents of this queue also become eligible once a case has waited escalateOverflowAfterSeconds */
  overflowQueueId: string | null;
  escalateOverflowAfterSeconds: number;
  /** offers in this queue are accepted on the agent's behalf the moment they are made */
  autoAccept: boolean;
  /** per-channel offer time, overriding DEFAULT_OFFER_SECONDS */
  offerSeconds: Partial<Record<Channel, number>>;
  /** per-channel first-response target in business minutes, overriding the queue's sla_minutes */
  firstResponseMinutes: Partial<Record<Channel, number>>;
  /** null: open around the clock */
  businessHours: WeeklyHours | null;
  /** how many minutes of waiting one priority step is worth (see case-order.ts) */
  agingMinutesPerPriority: number;
  /** priority steps added for a citizen segment, e.g. {"business": -1} */
  segmentPriority: Record<string, number>;
  /** minutes before the SLA due time at which supervisors are warned */
  nearBreachMinutes: number;
  /** an agent who handled the same citizen within this many days is offered the case first */
  stickyDays: number;
  /** the queue's calendar SLA from the foundation, used when no per-channel target is set */
  slaMinutes: number;
}

/** Offer times when a queue sets none: a call rings briefly, written channels can wait two minutes. */
export const DEFAULT_OFFER_SECONDS: Record<Channel, number> = { phone: 30, counter: 30, sms: 120, email: 120, webform: 120, post: 120 };

export function offerSecondsFor(settings: Pick<QueueSettings, 'offerSeconds'>, channel: Channel): number {
  return settings.offerSeconds[channel] ?? DEFAULT_OFFER_SECONDS[channel];
}

export function firstResponseMinutesFor(settings: Pick<QueueSettings, 'firstResponseMinutes' | 'slaMinutes'>, channel: Channel): number {
  return settings.firstResponseMinutes[channel] ?? settings.slaMinutes;
}
