import { findSenderAddress, formatPostalAddress, parsePostalAddress } from './danish-address';

describe('Danish postal addresses', () => {
  it.each([
    ['Skolegade 3\n8660 Skanderborg', 'Skolegade 3\n8660 Skanderborg'],
    ['Skolegade  nr. 3 ,  8660   Skanderborg, Danmark', 'Skolegade 3\n8660 Skanderborg'],
    ['Skolegade 3b, 1. th.\nDK-8660 Skanderborg', 'Skolegade 3B, 1. th.\n8660 Skanderborg'],
    ['Østergade 12, st. tv., 8000 Aarhus C', 'Østergade 12, st. tv.\n8000 Aarhus C'],
  ])('writes %j as street then postcode and town', (raw, expected) => {
    expect(formatPostalAddress(parsePostalAddress(raw)!)).toBe(expected);
  });

  it.each(['8660 Skanderborg', 'Skolegade 3', 'just words'])('does not take %j for an address', (raw) => {
    expect(parsePostalAddress(raw)).toBeUndefined();
  });

  it("finds the sender's address on a letter, passing over the municipality's own", () => {
    const letter = 'Karen Hansen\nSkolegade 3\n8660 Skanderborg\n\nSkanderborg Kommune\nAdelgade 44\n8660 Skanderborg\n\nKære kommune';
    const found = findSenderAddress(letter, ['Adelgade 44\n8660 Skanderborg']);
    expect(found).toEqual({ name: 'Karen Hansen', address: { street: 'Skolegade 3', postTown: '8660 Skanderborg' } });
    expect(findSenderAddress('Skanderborg Kommune\nAdelgade 44\n8660 Skanderborg', ['Adelgade 44\n8660 Skanderborg'])).toBeUndefined();
  });

  it('reads the sender block of an OCR text with blank lines between its lines', () => {
    expect(findSenderAddress('Ole Hansen\n\nBakkevej 12\n\n8660 Skanderborg\n\nSag K-2026-000001\n\nKære kommune', [])).toEqual({
      name: 'Ole Hansen', address: { street: 'Bakkevej 12', postTown: '8660 Skanderborg' },
    });
  });
});
