import { splitQuotedHistory } from './quoted-history';

describe('splitQuotedHistory', () => {
  it('separates a Danish attribution line and what follows', () => {
    const body = 'Tak, det passer fint.\n\nDen 3. nov. 2026 kl. 10.12 skrev Borgerservice <bs@kommune.dk>:\n> Vi har modtaget din henvendelse';
    expect(splitQuotedHistory(body)).toEqual({ text: 'Tak, det passer fint.', quoted: 'Den 3. nov. 2026 kl. 10.12 skrev Borgerservice <bs@kommune.dk>:\n> Vi har modtaget din henvendelse' });
  });

  it('separates an English attribution and Outlook header blocks', () => {
    expect(splitQuotedHistory('Yes.\nOn Tue, 3 Nov 2026, Kontakt wrote:\n> hello').text).toBe('Yes.');
    expect(splitQuotedHistory('Ja.\n\nFra: Borgerservice\nSendt: 3. november\nEmne: Sag').quoted).toMatch(/^Fra: Borgerservice/);
  });

  it('treats trailing > lines as quoted and keeps a message without history whole', () => {
    expect(splitQuotedHistory('Svar\n> gammel\n> tekst')).toEqual({ text: 'Svar', quoted: '> gammel\n> tekst' });
    expect(splitQuotedHistory('Bare en besked.\nMed to linjer.')).toEqual({ text: 'Bare en besked.\nMed to linjer.' });
  });

  it('keeps everything when the message is only quoted text', () => {
    expect(splitQuotedHistory('> kun citat')).toEqual({ text: '> kun citat' });
  });
});
