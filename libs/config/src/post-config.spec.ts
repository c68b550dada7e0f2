import { ConfigError, loadConfig } from './load-config';

describe('post channel configuration', () => {
  it('has working defaults for the letterhead, sender block, postage and scan limits', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ postLetterhead: 'Kommunen', postSenderAddress: ['Borgerservice', 'Rådhuset', '8660 Skanderborg'], postSenderContact: [], postPostageMinor: 2900, postMaxPages: 30, postOcrConcurrency: 1 });
  });

  it('reads the sender block as lines separated by |', () => {
    const config = loadConfig({ POST_LETTERHEAD: 'Skanderborg Kommune', POST_SENDER_ADDRESS: 'Borgerservice | Adelgade 44 | 8660 Skanderborg', POST_SENDER_CONTACT: 'Telefon 8794 7000' });
    expect(config).toMatchObject({ postLetterhead: 'Skanderborg Kommune', postSenderAddress: ['Borgerservice', 'Adelgade 44', '8660 Skanderborg'], postSenderContact: ['Telefon 8794 7000'] });
  });

  it.each([
    [{ POST_SENDER_ADDRESS: 'Adelgade 44 | Skanderborg' }, 'POST_SENDER_ADDRESS must end with a Danish postcode and town'],
    [{ POST_SENDER_ADDRESS: 'kun én linje' }, 'POST_SENDER_ADDRESS must be 2 to 4 lines'],
    [{ POST_LETTERHEAD: 'x'.repeat(51) }, 'POST_LETTERHEAD must be 1 line of at most 50 characters'],
    [{ POST_POSTAGE_MINOR: '29.00' }, 'POST_POSTAGE_MINOR must be a whole number'],
    [{ POST_OCR_CONCURRENCY: '0' }, 'POST_OCR_CONCURRENCY must be a whole number from 1 to 16'],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
