import { randomBytes } from 'node:crypto';
import { SecretBox, SecretKeyMismatch } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips a secret and never stores it in clear', () => {
    const stored = box.encrypt('Imap-Adgang-æøå');
    expect(stored).not.toContain('Imap');
    expect(box.decrypt(stored)).toBe('Imap-Adgang-æøå');
  });

  it('uses a fresh IV, so the same secret encrypts differently each time', () => {
    expect(box.encrypt('x')).not.toBe(box.encrypt('x'));
  });

  it('refuses a value encrypted with another key or tampered with', () => {
    const other = new SecretBox(randomBytes(32)).encrypt('hemmelig');
    expect(() => box.decrypt(other)).toThrow(SecretKeyMismatch);
    const stored = box.encrypt('hemmelig');
    expect(() => box.decrypt(stored.slice(0, -2) + 'AA')).toThrow(SecretKeyMismatch);
  });
});
