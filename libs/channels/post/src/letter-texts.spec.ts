import { LETTER_TEXTS, letterDate } from './letter-texts';

describe('letter texts', () => {
  it("dates a letter by the municipality's calendar day, in the letter's language", () => {
    const lateEvening = new Date('2026-12-01T23:30:00Z');
    expect(letterDate(lateEvening, 'da', 'Europe/Copenhagen')).toBe('2. december 2026');
    expect(letterDate(lateEvening, 'en', 'Europe/Copenhagen')).toBe('2 December 2026');
  });

  it('numbers pages in both languages', () => {
    expect(LETTER_TEXTS.da.page(1, 3)).toBe('Side 1 af 3');
    expect(LETTER_TEXTS.en.page(2, 3)).toBe('Page 2 of 3');
  });
});
