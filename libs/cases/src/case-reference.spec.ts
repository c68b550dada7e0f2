import { extractReferences, formatReference } from './case-reference';

describe('case references', () => {
  it('formats K-<year>-<six digits>', () => {
    expect(formatReference(2026, 123)).toBe('K-2026-000123');
    expect(formatReference(2027, 1234567)).toBe('K-2027-1234567');
  });

  it('finds references in a subject and body, once each, in order', () => {
    expect(extractReferences('Re: [K-2026-000123] Storskrald', 'Se også k-2026-000042 og K-2026-000123')).toEqual(['K-2026-000123', 'K-2026-000042']);
  });

  it('ignores look-alikes', () => {
    expect(extractReferences('K-26-000123 and XK-2026-000123 and K-2026-12')).toEqual([]);
  });
});
