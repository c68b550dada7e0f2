import { validateSubmission } from './webform-submission';

const topics = ['affald', 'veje'];

describe('validateSubmission', () => {
  it('accepts a Danish submission and normalises email and phone', () => {
    const { value, errors } = validateSubmission(
      { name: ' Søren Ærø ', email: 'Soren@Eksempel.DK', phone: '20 12 34 56', topic: 'affald', subject: 'Storskrald', message: 'Hvornår hentes storskrald på Østergade?' },
      topics,
    );
    expect(errors).toEqual([]);
    expect(value).toEqual({ name: 'Søren Ærø', email: 'soren@eksempel.dk', phone: '+4520123456', topic: 'affald', subject: 'Storskrald', message: 'Hvornår hentes storskrald på Østergade?' });
  });

  it('needs a way to answer: email or phone', () => {
    const { errors } = validateSubmission({ name: 'A', message: 'Hej' }, topics);
    expect(errors.map((e) => e.field)).toEqual(['contact']);
  });

  it('names every field that is wrong, in Danish and English', () => {
    const { errors } = validateSubmission({ name: '', email: 'not-an-email', phone: '12', topic: 'bogus', message: '' }, topics);
    expect(errors.map((e) => e.field)).toEqual(['name', 'email', 'phone', 'topic', 'message']);
    expect(errors[1]).toMatchObject({ da: expect.stringContaining('e-mailadresse'), en: expect.stringContaining('email address') });
  });

  it('refuses wrong types without guessing', () => {
    expect(validateSubmission({ name: 42, email: 'a@b.dk', message: 'x' }, topics).errors[0].field).toBe('name');
  });

  it('refuses a filled honeypot', () => {
    expect(validateSubmission({ name: 'Bot', email: 'a@b.dk', message: 'buy', website: 'http://spam' }, topics).errors.map((e) => e.field)).toEqual(['website']);
  });

  it('refuses a NUL character in the name, which PostgreSQL text cannot hold', () => {
    expect(validateSubmission({ name: 'Ka\u0000ren', email: 'a@b.dk', message: 'hej' }, topics).errors.map((e) => e.field)).toEqual(['name']);
  });

  it('refuses oversize and control characters', () => {
    const errors = validateSubmission({ name: 'A', email: 'a@b.dk', message: 'x'.repeat(20_001), subject: 'bad\u0007' }, topics).errors;
    expect(errors.map((e) => e.field)).toEqual(['subject', 'message']);
  });
});
