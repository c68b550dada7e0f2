import { smsSegments } from './sms-segments';

describe('smsSegments', () => {
  it('fits 160 GSM-7 characters, Danish letters included, in one segment', () => {
    expect(smsSegments('æøå ÆØÅ '.repeat(20))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('a'.repeat(306))).toBe(2);
    expect(smsSegments('a'.repeat(307))).toBe(3);
  });

  it('counts extension characters such as € twice', () => {
    expect(smsSegments('€'.repeat(80))).toBe(1);
    expect(smsSegments('€'.repeat(81))).toBe(2);
  });

  it('sends text outside GSM-7 as UCS-2: 70 units, then 67 per segment', () => {
    expect(smsSegments('Tak 🙂')).toBe(1);
    expect(smsSegments('ą'.repeat(71))).toBe(2);
    expect(smsSegments('ą'.repeat(134))).toBe(2);
  });
});
