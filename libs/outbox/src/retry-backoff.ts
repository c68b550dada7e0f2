const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * Delay before the next attempt after `attempts` failed ones: base × 2^(attempts−1), capped at an
 * hour, with ±20 % jitter so a burst of failures does not retry in lock step.
 */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
