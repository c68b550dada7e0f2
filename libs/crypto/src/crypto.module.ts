import { Global, Module } from '@nestjs/common';
import { Secrets } from './secret-key';

/** Secrets encrypted at rest (AES-256-GCM) with the key from SECRET_KEY or DATA_DIR. */
@Global()
@Module({ providers: [Secrets], exports: [Secrets] })
export class CryptoModule {}
