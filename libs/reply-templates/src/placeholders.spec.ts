import { unknownPlaceholders } from './placeholders';

describe('reply template placeholders', () => {
  it('accepts the citizen name, reference, subject and staff member placeholders', () => {
    expect(unknownPlaceholders('Kære {navn}, sag {sag} om {emne}. Hilsen {medarbejder}')).toEqual([]);
  });

  it('names each unknown placeholder once', () => {
    expect(unknownPlaceholders('Hej {name}, {name} og {cpr}')).toEqual(['name', 'cpr']);
  });

  it('leaves braces that hold no name alone', () => {
    expect(unknownPlaceholders('Pris {} og { mellemrum }')).toEqual([]);
  });
});
