import { optKeyword } from './sms-texts';

describe('optKeyword', () => {
  it.each(['STOP', ' stop ', 'Stop.', 'unsubscribe', 'AFMELD'])('reads %j as an opt-out', (text) => expect(optKeyword(text)).toBe('stop'));
  it.each(['START', 'start!', 'Tilmeld', 'unstop'])('reads %j as an opt-in', (text) => expect(optKeyword(text)).toBe('start'));
  it.each(['Stop venligst med at skrive', 'Hvornår starter det?', ''])('reads %j as an ordinary text', (text) => expect(optKeyword(text)).toBeUndefined());
});
