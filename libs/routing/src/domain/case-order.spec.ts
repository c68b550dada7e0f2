import { effectivePriority, routingKey } from './case-order';

const minutes = (n: number) => n * 60_000;
const settings = { agingMinutesPerPriority: 60, segmentPriority: { business: -1, vulnerable: 2 } };

describe('case order', () => {
  it('offers an urgent case before a normal one that arrived at the same time', () => {
    const at = new Date('2026-03-02T10:00:00Z');
    expect(routingKey(at, 4, settings).getTime()).toBeLessThan(routingKey(at, 2, settings).getTime());
  });

  it('counts each priority step as agingMinutesPerPriority minutes of waiting', () => {
    const at = new Date('2026-03-02T10:00:00Z');
    expect(at.getTime() - routingKey(at, 3, settings).getTime()).toBe(minutes(120));
  });

  it('never starves a low-priority case: after 3 × A minutes it goes before every new urgent case', () => {
    const low = routingKey(new Date('2026-03-02T10:00:00Z'), 1, settings);
    const urgentLater = routingKey(new Date('2026-03-02T13:00:01Z'), 4, settings);
    expect(low.getTime()).toBeLessThan(urgentLater.getTime());
  });

  it('is first come, first served when A is 0', () => {
    const early = routingKey(new Date('2026-03-02T10:00:00Z'), 1, { agingMinutesPerPriority: 0 });
    const late = routingKey(new Date('2026-03-02T10:00:01Z'), 4, { agingMinutesPerPriority: 0 });
    expect(early.getTime()).toBeLessThan(late.getTime());
  });

  it('adjusts priority by the citizen segment within 1 … 4', () => {
    expect(effectivePriority(2, 'resident', false, settings)).toBe(2);
    expect(effectivePriority(2, 'business', false, settings)).toBe(1);
    expect(effectivePriority(1, 'business', false, settings)).toBe(1);
    expect(effectivePriority(3, 'vulnerable', false, settings)).toBe(4);
  });

  it('raises a vulnerable citizen\'s case one step, within 1 … 4', () => {
    expect(effectivePriority(2, 'resident', true, settings)).toBe(3);
    expect(effectivePriority(2, 'business', true, settings)).toBe(2);
    expect(effectivePriority(4, 'resident', true, settings)).toBe(4);
  });

  it('offers a vulnerable citizen\'s case first among cases of equal topic priority that arrived together', () => {
    const at = new Date('2026-03-02T10:00:00Z');
    const vulnerable = routingKey(at, effectivePriority(2, 'resident', true, settings), settings);
    const other = routingKey(at, effectivePriority(2, 'resident', false, settings), settings);
    expect(other.getTime() - vulnerable.getTime()).toBe(minutes(60));
  });
});
