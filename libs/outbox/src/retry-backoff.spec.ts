import { retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  it('doubles the delay with every failed attempt', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 5_000, middle))).toEqual([5_000, 10_000, 20_000, 40_000]);
  });

  it('caps the delay at an hour', () => {
    expect(retryDelayMs(40, 5_000, () => 0.5)).toBe(3_600_000);
  });

  it('spreads retries by ±20 %', () => {
    expect(retryDelayMs(1, 10_000, () => 0)).toBe(8_000);
    expect(retryDelayMs(1, 10_000, () => 1)).toBe(12_000);
  });
});
