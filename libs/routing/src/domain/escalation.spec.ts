import { eligibilityAfter, nextEscalationAfter } from './escalation';

const settings = { minLevel: 4, escalatedMinLevel: 2, escalateLevelAfterSeconds: 60, overflowQueueId: 'overflow', escalateOverflowAfterSeconds: 180 };

describe('escalation', () => {
  it('asks for the queue minimum level at first', () => {
    expect(eligibilityAfter(59, settings)).toEqual({ stage: 0, requiredLevel: 4, overflowQueueId: null });
  });

  it('lowers the required level after the first wait', () => {
    expect(eligibilityAfter(60, settings)).toEqual({ stage: 1, requiredLevel: 2, overflowQueueId: null });
  });

  it('widens to the overflow queue after the second wait', () => {
    expect(eligibilityAfter(180, settings)).toEqual({ stage: 2, requiredLevel: 2, overflowQueueId: 'overflow' });
  });

  it('stays at the lowered level when the queue has no overflow queue', () => {
    expect(eligibilityAfter(10_000, { ...settings, overflowQueueId: null })).toEqual({ stage: 1, requiredLevel: 2, overflowQueueId: null });
    expect(nextEscalationAfter(1, { ...settings, overflowQueueId: null })).toBeUndefined();
  });

  it('never raises the level when the escalated level is set above the minimum', () => {
    expect(eligibilityAfter(60, { ...settings, minLevel: 1, escalatedMinLevel: 3 }).requiredLevel).toBe(1);
  });
});
