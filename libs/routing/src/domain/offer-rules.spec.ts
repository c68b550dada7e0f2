import { shouldSetAway } from './missed-offers';
import { DEFAULT_OFFER_SECONDS, firstResponseMinutesFor, offerSecondsFor } from './queue-settings';

describe('offer rules', () => {
  it('gives a call 30 seconds and written channels two minutes unless the queue says otherwise', () => {
    expect(offerSecondsFor({ offerSeconds: {} }, 'phone')).toBe(30);
    expect(offerSecondsFor({ offerSeconds: {} }, 'email')).toBe(120);
    expect(offerSecondsFor({ offerSeconds: { email: 300 } }, 'email')).toBe(300);
    expect(DEFAULT_OFFER_SECONDS.webform).toBe(120);
  });

  it('uses the per-channel first-response target, else the queue SLA', () => {
    expect(firstResponseMinutesFor({ firstResponseMinutes: { phone: 5 }, slaMinutes: 2880 }, 'phone')).toBe(5);
    expect(firstResponseMinutesFor({ firstResponseMinutes: { phone: 5 }, slaMinutes: 2880 }, 'email')).toBe(2880);
  });

  it('sets an agent away once K offers in a row have expired', () => {
    expect(shouldSetAway(2, 3)).toBe(false);
    expect(shouldSetAway(3, 3)).toBe(true);
  });
});
