import { imapSettingsFromUrl, smtpSettingsFromUrl } from './mailbox-urls';

describe('mailbox URLs', () => {
  it('reads IMAP_URL with an encoded password and folder', () => {
    expect(imapSettingsFromUrl('imaps://bs%40kommune.dk:p%C3%A6ss%2Fw@imap.kommune.dk/Borger%20Service')).toEqual({
      host: 'imap.kommune.dk', port: 993, tls: true, user: 'bs@kommune.dk', password: 'pæss/w', folder: 'Borger Service',
    });
    expect(imapSettingsFromUrl('imap://u:p@127.0.0.1:1143').folder).toBe('INBOX');
  });

  it('reads SMTP_URL with or without credentials', () => {
    expect(smtpSettingsFromUrl('smtp://127.0.0.1:2525')).toEqual({ host: '127.0.0.1', port: 2525, tls: false, user: undefined, password: undefined });
    expect(smtpSettingsFromUrl('smtps://u:p@smtp.kommune.dk')).toEqual({ host: 'smtp.kommune.dk', port: 465, tls: true, user: 'u', password: 'p' });
  });
});
