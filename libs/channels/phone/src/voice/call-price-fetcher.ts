import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { Database } from '@kontakt/database';
import { TwilioAccount } from '../twilio/twilio-account';
import { priceInOre } from '../twilio/twilio-price';
import { PhoneCallsRepository } from './phone-calls.repository';

/** Twilio prices a call shortly after it ends; ask again after these delays, then give up (the unit cost still counts it). */
const ATTEMPT_DELAYS_MS = [0, 15_000, 60_000, 300_000];

/**
 * Fetches a finished call's price from Twilio's REST API (status callbacks carry none) and stores it
 * in øre on the call's contact. Best effort and in-process: a restart loses pending fetches, and the
 * contact keeps its duration and the channel's unit cost.
 */
@Injectable()
export class CallPriceFetcher implements OnApplicationShutdown {
  private readonly logger = new Logger(CallPriceFetcher.name);
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly account: TwilioAccount, private readonly calls: PhoneCallsRepository, private readonly db: Database, private readonly config: AppConfig) {}

  fetchSoon(callSid: string, attempt = 0): void {
    if (attempt >= ATTEMPT_DELAYS_MS.length) {
      this.logger.warn({ event: 'call_price_unavailable', callSid });
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.fetch(callSid).then(
        (done) => done || this.fetchSoon(callSid, attempt + 1),
        (error) => {
          this.logger.warn({ event: 'call_price_fetch_failed', callSid, attempt, error: (error as Error).message });
          this.fetchSoon(callSid, attempt + 1);
        },
      );
    }, ATTEMPT_DELAYS_MS[attempt]);
    timer.unref();
    this.timers.add(timer);
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  private async fetch(callSid: string): Promise<boolean> {
    const credentials = await this.account.credentials();
    if (!credentials) return true;
    const call = await this.account.restClient(credentials).calls(callSid).fetch();
    const ore = priceInOre(call.price, call.priceUnit, this.config.twilioUsdRateOre);
    if (ore === undefined) return false;
    await this.calls.setCost(this.db, callSid, ore);
    this.logger.log({ event: 'call_priced', callSid, costMinor: ore });
    return true;
  }
}
