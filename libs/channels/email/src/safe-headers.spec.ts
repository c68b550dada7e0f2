import { safeAddress, safeMessageId, singleLine } from './safe-headers';

describe('header values', () => {
  it('folds CR/LF out of a subject so it cannot add a header', () => {
    expect(singleLine('Hej\r\nBcc: angriber@example.com')).toBe('Hej Bcc: angriber@example.com');
    expect(singleLine('a\u2028b\u0000c')).toBe('a b c');
  });

  it('accepts only a bare address', () => {
    expect(safeAddress(' Karen@Example.DK ')).toBe('karen@example.dk');
    expect(safeAddress('karen@example.dk\r\nBcc: x@y.dk')).toBeUndefined();
    expect(safeAddress('Karen <karen@example.dk>')).toBeUndefined();
  });

  it('accepts a Message-ID only in angle brackets', () => {
    expect(safeMessageId('<abc@kommune.dk>')).toBe('<abc@kommune.dk>');
    expect(safeMessageId('abc@kommune.dk')).toBeUndefined();
    expect(safeMessageId('<a b@c>')).toBeUndefined();
  });
});
