import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import twilio from 'twilio';
import { AppConfig } from '@kontakt/config';
import { Database } from '@kontakt/database';
import { SecretKeyMismatch, Secrets } from '@kontakt/crypto';
import { BaseUrlRequestClient } from './base-url-request-client';
import { TwilioAccountRepository } from './twilio-account.repository';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  /** the municipality's Twilio number: the sender of SMS replies */
  phoneNumber?: string;
}

/** Admins' changes reach every server within this long; webhooks read the token on every request. */
const CACHE_MS = 5_000;

/**
 * The Twilio account: seeded from TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN on start (env stays its truth)
 * or set by an admin, the auth token AES-256-GCM encrypted at rest. Gives the token that webhook
 * signatures are checked with and a REST client pointed at TWILIO_API_BASE_URL when that is set.
 */
@Injectable()
export class TwilioAccount implements OnApplicationBootstrap {
  private readonly logger = new Logger(TwilioAccount.name);
  private cached?: { at: number; credentials?: TwilioCredentials };
  private client?: { key: string; client: twilio.Twilio };

  constructor(
    private readonly db: Database,
    private readonly accounts: TwilioAccountRepository,
    private readonly secrets: Secrets,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { twilioAccountSid: accountSid, twilioAuthToken: authToken } = this.config;
    if (!accountSid || !authToken) return;
    await this.save({ accountSid, authToken, phoneNumber: this.config.twilioPhoneNumber }, true);
    this.logger.log({ event: 'twilio_account_seeded_from_env', accountSid });
  }

  async save(credentials: TwilioCredentials, seededFromEnv: boolean): Promise<void> {
    await this.accounts.save(this.db, {
      account_sid: credentials.accountSid, auth_token_enc: this.secrets.encrypt(credentials.authToken),
      phone_number: credentials.phoneNumber ?? null, seeded_from_env: seededFromEnv,
    });
    this.cached = undefined;
  }

  /** The account, or undefined while none is set up. */
  async credentials(): Promise<TwilioCredentials | undefined> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.credentials;
    const row = await this.accounts.get(this.db);
    const credentials = row && { accountSid: row.account_sid, authToken: this.decrypt(row.auth_token_enc), phoneNumber: row.phone_number ?? undefined };
    this.cached = { at: Date.now(), credentials: credentials?.authToken ? credentials : undefined };
    return this.cached.credentials;
  }

  /** A token this server cannot decrypt (another SECRET_KEY) leaves Twilio unusable here, said loudly once per cache period. */
  private decrypt(stored: string): string {
    try {
      return this.secrets.decrypt(stored);
    } catch (error) {
      if (!(error instanceof SecretKeyMismatch)) throw error;
      this.logger.error({ event: 'twilio_token_undecryptable', error: error.message });
      return '';
    }
  }

  /** The REST client for the current account (remade when the account changes). */
  restClient(credentials: TwilioCredentials): twilio.Twilio {
    const key = `${credentials.accountSid}:${credentials.authToken}`;
    if (this.client?.key === key) return this.client.client;
    const baseUrl = this.config.twilioApiBaseUrl;
    const client = twilio(credentials.accountSid, credentials.authToken, baseUrl ? { httpClient: new BaseUrlRequestClient(baseUrl) } : {});
    this.client = { key, client };
    return client;
  }
}
