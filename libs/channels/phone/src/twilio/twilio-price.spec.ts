import { priceInOre } from './twilio-price';

describe('priceInOre', () => {
  it('turns a negative USD price into øre at the configured rate, rounded half up', () => {
    expect(priceInOre('-0.0075', 'USD', 690)).toBe(5);
    expect(priceInOre('-0.0130', 'USD', 690)).toBe(9);
    expect(priceInOre('-1.50', 'usd', 700)).toBe(1050);
  });

  it('takes DKK prices as they are', () => {
    expect(priceInOre('-0.25', 'DKK', 690)).toBe(25);
  });

  it('knows nothing of a missing price, an unknown currency or a malformed amount', () => {
    expect(priceInOre(null, 'USD', 690)).toBeUndefined();
    expect(priceInOre('-0.01', 'EUR', 690)).toBeUndefined();
    expect(priceInOre('1e3', 'USD', 690)).toBeUndefined();
  });
});
