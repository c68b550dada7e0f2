import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A stored secret that cannot be decrypted with the current key (SECRET_KEY changed, or another node's generated key). */
export class SecretKeyMismatch extends Error {
  override name = 'SecretKeyMismatch';
}

const VERSION = 'v1';

/**
 * Encrypts short secrets (IMAP/SMTP passwords, OAuth2 tokens) with AES-256-GCM. The stored form is
 * `v1:<iv>:<tag>:<ciphertext>` in base64url; a fresh 12-byte IV per value, the tag authenticates it.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, body] = stored.split(':');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new SecretKeyMismatch('The stored secret is not in a format Kontakt wrote');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyMismatch('The stored secret cannot be decrypted with this SECRET_KEY; it was encrypted with another key');
    }
  }
}
