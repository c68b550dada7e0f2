import { dayCount, periodOf, previousMonth, wholePeriods } from './periods';

describe('report periods', () => {
  it('names a week by its Monday and a month by YYYY-MM', () => {
    expect(periodOf('2026-03-01', 'week')).toBe('2026-02-23'); // a Sunday belongs to the week that began on Monday
    expect(periodOf('2026-03-02', 'week')).toBe('2026-03-02');
    expect(periodOf('2026-03-31', 'month')).toBe('2026-03');
    expect(periodOf('2026-03-31', 'day')).toBe('2026-03-31');
  });

  it('counts the days of a range and finds the month before', () => {
    expect(dayCount('2026-02-27', '2026-03-01')).toBe(3);
    expect(previousMonth('2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31', month: '2025-12' });
  });

  it('finds the whole weeks and months of a range, which grouped reports read as summed histograms', () => {
    expect(wholePeriods('2025-12-01', '2026-12-02', 'month')).toEqual({ first: '2025-12-01', next: '2026-12-01' });
    expect(wholePeriods('2025-12-02', '2026-11-30', 'month')).toEqual({ first: '2026-01-01', next: '2026-12-01' });
    expect(wholePeriods('2026-01-31', '2027-01-31', 'month')).toEqual({ first: '2026-02-01', next: '2027-02-01' });
    expect(wholePeriods('2026-03-05', '2026-03-20', 'month')).toEqual({ first: '2026-04-01', next: '2026-03-01' });
    // 2026-03-02 and 2026-03-30 are Mondays
    expect(wholePeriods('2026-03-02', '2026-03-29', 'week')).toEqual({ first: '2026-03-02', next: '2026-03-30' });
    expect(wholePeriods('2026-03-01', '2026-03-31', 'week')).toEqual({ first: '2026-03-02', next: '2026-03-30' });
    expect(wholePeriods('2026-03-03', '2026-03-07', 'week')).toEqual({ first: '2026-03-09', next: '2026-03-02' });
  });
});
