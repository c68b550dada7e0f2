import { Injectable, Logger } from '@nestjs/common';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AppConfig } from '@kontakt/config';
import { SecretBox } from './secret-box';

export const GENERATED_KEY_FILE = 'secret-key';

/** SECRET_KEY as 32 bytes: 64 hex digits or base64 (validated by loadConfig). */
export function decodeSecretKey(raw: string): Buffer {
  return /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
}

/**
 * The SecretBox for this process, made on first use. With SECRET_KEY set, that key. Without it (the
 * embedded single-machine mode), a key generated once and kept in DATA_DIR/secret-key (mode 0600),
 * with a warning: servers sharing one database must all be given the same SECRET_KEY.
 */
@Injectable()
export class Secrets {
  private readonly logger = new Logger(Secrets.name);
  private box?: SecretBox;

  constructor(private readonly config: AppConfig) {}

  encrypt(plain: string): string {
    return this.secretBox().encrypt(plain);
  }

  decrypt(stored: string): string {
    return this.secretBox().decrypt(stored);
  }

  private secretBox(): SecretBox {
    this.box ??= new SecretBox(this.config.secretKey ? decodeSecretKey(this.config.secretKey) : this.generatedKey());
    return this.box;
  }

  private generatedKey(): Buffer {
    const file = join(this.config.dataDir, GENERATED_KEY_FILE);
    if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    mkdirSync(this.config.dataDir, { recursive: true });
    const key = randomBytes(32);
    writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    this.logger.warn({ event: 'secret_key_generated', file, hint: 'set SECRET_KEY (openssl rand -hex 32) when more than one server shares the database' });
    return key;
  }
}
