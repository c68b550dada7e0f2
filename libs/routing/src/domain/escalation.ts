import type { QueueSettings } from './queue-settings';

/** 0: the queue's own agents at its minimum level; 1: the lowered level; 2: also the overflow queue's agents. */
export type EscalationStage = 0 | 1 | 2;

export interface Eligibility {
  stage: EscalationStage;
  requiredLevel: number;
  overflowQueueId: string | null;
}

type EscalationSettings = Pick<QueueSettings, 'minLevel' | 'escalatedMinLevel' | 'escalateLevelAfterSeconds' | 'overflowQueueId' | 'escalateOverflowAfterSeconds'>;

/**
 * Who may take a case that has waited `waitedSeconds`: after escalateLevelAfterSeconds the required
 * level drops to escalatedMinLevel (never rises); after escalateOverflowAfterSeconds, when the queue
 * has an overflow queue, that queue's agents are eligible too (at the lowered level).
 */
export function eligibilityAfter(waitedSeconds: number, settings: EscalationSettings): Eligibility {
  const lowered = Math.min(settings.minLevel, settings.escalatedMinLevel);
  if (settings.overflowQueueId && waitedSeconds >= settings.escalateOverflowAfterSeconds) {
    return { stage: 2, requiredLevel: lowered, overflowQueueId: settings.overflowQueueId };
  }
  if (waitedSeconds >= settings.escalateLevelAfterSeconds) return { stage: 1, requiredLevel: lowered, overflowQueueId: null };
  return { stage: 0, requiredLevel: settings.minLevel, overflowQueueId: null };
}

/** Seconds from queueing until the next escalation step, or undefined when none is left. */
export function nextEscalationAfter(stage: EscalationStage, settings: EscalationSettings): number | undefined {
  if (stage === 0) return settings.escalateLevelAfterSeconds;
  if (stage === 1 && settings.overflowQueueId) return settings.escalateOverflowAfterSeconds;
  return undefined;
}
