import { letterSubject } from './letter-subject';

describe('letterSubject', () => {
  it('skips the sender and recipient blocks and the date of a typed letter and takes the first sentence after the salutation', () => {
    const letter = [
      'Mette Lund', 'Skolegade 3, 1. th.', '8660 Skanderborg', '',
      'Skanderborg Kommune', 'Adelgade 44', '8660 Skanderborg', '',
      'Skanderborg, 3. december 2026', '',
      'Kære kommune', '',
      'Min ejendomsskat er steget meget i år. Kan I forklare hvorfor?', '',
      'Med venlig hilsen', 'Mette Lund',
    ].join('\n');
    expect(letterSubject(letter)).toBe('Min ejendomsskat er steget meget i år.');
  });

  it('takes the text after a subject marker', () => {
    expect(letterSubject('Mette Lund\nSkolegade 3\n8660 Skanderborg\n\nVedr.: Ejendomsskat for 2026\n\nKære kommune\nJeg skriver om skatten.')).toBe('Ejendomsskat for 2026');
    expect(letterSubject('Angående hundeskat\n\nHej\nJeg har fået en hund.')).toBe('hundeskat');
    expect(letterSubject('John Smith\n\nRegarding: waste collection\n\nDear Sir,\nThe bin was not emptied.')).toBe('waste collection');
  });

  it('joins a sentence an OCR scan broke over lines', () => {
    expect(letterSubject('Kære kommune\nVores affaldsspand er ikke tømt\ni tre uger. Storskrald ligger\nstadig på fortovet.')).toBe('Vores affaldsspand er ikke tømt i tre uger.');
  });

  it('without a salutation takes the first line that reads as a sentence', () => {
    expect(letterSubject('Per Madsen\nSkolegade 1, 1. th.\n8660 Skanderborg\n\nHvornår bliver der ryddet sne på min vej?\nMed venlig hilsen Per')).toBe('Hvornår bliver der ryddet sne på min vej?');
  });

  it('falls back to the first line, and to a dash for an empty letter', () => {
    expect(letterSubject('Byggetilladelse\nSkovvej 2')).toBe('Byggetilladelse');
    expect(letterSubject(' \n\n')).toBe('—');
  });

  it('keeps a subject within 200 characters', () => {
    const subject = letterSubject(`Kære kommune\n${'lang tekst uden punktum '.repeat(20)}`);
    expect(subject.length).toBeLessThanOrEqual(200);
    expect(subject.endsWith('…')).toBe(true);
  });
});
