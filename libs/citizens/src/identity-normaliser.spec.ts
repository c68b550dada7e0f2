import { normaliseAddress, normaliseEmail, normalisePhone } from './identity-normaliser';

describe('identity normalisation', () => {
  it('lower-cases and trims emails and keeps Danish letters', () => {
    expect(normaliseEmail('  Søren.Ålund@Kommune.DK ')).toBe('søren.ålund@kommune.dk');
  });

  it.each(['', 'no-at-sign', 'a@b', 'two@@signs.dk', 'space in@mail.dk'])('rejects %j as an email', (raw) => {
    expect(normaliseEmail(raw)).toBeUndefined();
  });

  it.each([
    ['20 12 34 56', '+4520123456'],
    ['+45 20123456', '+4520123456'],
    ['0045 20 12 34 56', '+4520123456'],
    ['+46 70 123 45 67', '+46701234567'],
  ])('reads %j as %s', (raw, e164) => {
    expect(normalisePhone(raw)).toBe(e164);
  });

  it.each(['123', 'call me', '+45 1234'])('rejects %j as a phone number', (raw) => {
    expect(normalisePhone(raw)).toBeUndefined();
  });

  it('compares addresses on their lines', () => {
    expect(normaliseAddress('Skolegade  3\n8660   Skanderborg')).toBe(normaliseAddress('skolegade 3, 8660 skanderborg'));
  });
});
