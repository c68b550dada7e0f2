import { printable, renderLetter } from './letter-renderer';

describe('letter rendering', () => {
  it('keeps Danish letters and typographic marks, and turns what the standard fonts cannot print into "?"', () => {
    expect(printable('Kære Søren – “tak” for 10 €')).toBe('Kære Søren – “tak” for 10 €');
    expect(printable('Łódź 🙂')).toBe('?ód? ?');
  });

  it('renders an A4 PDF and counts its pages', async () => {
    const letter = await renderLetter({
      letterhead: 'Kommunen', senderAddress: ['Rådhuset', '8660 Skanderborg'], senderContact: [], recipientName: 'Karen Hansen',
      recipientLines: ['Skolegade 3', '8660 Skanderborg'], date: new Date('2026-12-02T10:00:00Z'), timeZone: 'Europe/Copenhagen',
      reference: 'K-2026-000001', subject: 'Storskrald', body: 'Linje\n'.repeat(120), staffName: 'Sofie Kjær', language: 'da',
    });
    expect(letter.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(letter.pages).toBeGreaterThan(1);
  });
});
