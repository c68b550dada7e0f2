import { Injectable } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { Database } from '@kontakt/database';

/**
 * PUBLIC_RATE_LIMIT submissions per client IP per minute, counted in PostgreSQL so every server
 * process shares one count. Fixed one-minute windows; old windows are pruned now and then.
 */
@Injectable()
export class PublicRateLimiter {
  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  /** Counts a submission; returns the seconds to wait when the limit is exceeded, else 0. */
  async hit(clientIp: string): Promise<number> {
    const limit = this.config.publicRateLimit;
    if (limit === 0) return 0;
    const row = await this.db.one<{ hits: number; retry_after: number }>(
      `INSERT INTO public_rate_windows (client_ip, window_start, hits) VALUES ($1, date_trunc('minute', now()), 1)
       ON CONFLICT (client_ip, window_start) DO UPDATE SET hits = public_rate_windows.hits + 1
       RETURNING hits, ceil(extract(epoch FROM date_trunc('minute', now()) + interval '1 minute' - now()))::int AS retry_after`,
      [clientIp],
    );
    if (Math.random() < 0.01) await this.db.rows(`DELETE FROM public_rate_windows WHERE window_start < now() - interval '5 minutes'`);
    return row!.hits > limit ? Math.max(1, row!.retry_after) : 0;
  }
}
