import { letterCount, rasterDpi, tidyText } from './text-extraction';

describe('letter text', () => {
  it('tidies extracted text: Unix line breaks, pages apart, no trailing spaces or runs of blank lines', () => {
    expect(tidyText('Kære kommune  \r\nside et\f\n\n\n\nside to   \n')).toBe('Kære kommune\nside et\n\nside to');
  });

  it('counts letters, Danish ones too, and not digits or punctuation', () => {
    expect(letterCount('Æble 12, øl & å!')).toBe(7);
  });

  it('rasterises A4 at 300 dpi and larger pages at a resolution that keeps them under the pixel limit', () => {
    expect(rasterDpi(595, 842)).toBe(300);
    const largest = rasterDpi(1700, 1700);
    expect(largest).toBeLessThan(300);
    expect(((1700 / 72) * largest) ** 2).toBeLessThanOrEqual(40_000_000);
  });
});
