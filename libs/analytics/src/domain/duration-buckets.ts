/**
 * Mergeable duration histograms for median and 90th percentile of time to first response and to
 * resolution. A duration of s seconds falls in bucket k = floor(ln(1 + s) / ln(1.1)), so bucket k
 * covers [1.1^k − 1, 1.1^(k+1) − 1) seconds: a year fits in 182 buckets, histograms of any days,
 * channels or topics merge by adding counts per bucket, and a bucket's midpoint is within 5 % of any
 * duration in it. The SQL that fills the rollups computes the same formula (case-facts.sql.ts).
 */
export const BUCKET_RATIO = 1.1;

/** The SQL expression of the bucket of a duration given in seconds (a double precision expression). */
export const bucketSql = (seconds: string) => `floor(ln(1 + greatest(${seconds}, 0)) / ln(${BUCKET_RATIO}))::smallint`;

export function bucketOf(seconds: number): number {
  return Math.floor(Math.log(1 + Math.max(seconds, 0)) / Math.log(BUCKET_RATIO));
}

/** The value reported for a bucket: the midpoint of its bounds, in whole seconds. */
export function bucketValue(bucket: number): number {
  const low = BUCKET_RATIO ** bucket - 1;
  const high = BUCKET_RATIO ** (bucket + 1) - 1;
  return Math.round((low + high) / 2);
}

/** Enough buckets for durations up to 1.1^192 s (over 800 years); a histogram grows if a later bucket arrives. */
const INITIAL_BUCKETS = 192;

/**
 * Counts per bucket as a dense array indexed by bucket, with their total: a year by day merges
 * ~4,400 histograms into ~2,600, which as maps spent most of the report's time allocating.
 */
export class Histogram {
  private counts = new Float64Array(INITIAL_BUCKETS);
  private total = 0;

  static of(entries: [bucket: number, count: number][]): Histogram {
    const histogram = new Histogram();
    for (const [bucket, count] of entries) histogram.add(bucket, count);
    return histogram;
  }

  add(bucket: number, count: number): void {
    if (bucket >= this.counts.length) {
      const grown = new Float64Array(Math.max(bucket + 1, 2 * this.counts.length));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[bucket] += count;
    this.total += count;
  }

  /**
   * The nearest-rank percentile: the smallest recorded duration such that at least p of all durations
   * are at or below it (rank ⌈p × n⌉), reported as its bucket's midpoint. Undefined without data.
   */
  percentile(p: number): number | undefined {
    if (this.total === 0) return undefined;
    const rank = Math.max(1, Math.ceil(p * this.total));
    let seen = 0;
    for (let bucket = 0; bucket < this.counts.length; bucket++) {
      seen += this.counts[bucket];
      if (seen >= rank) return bucketValue(bucket);
    }
    return undefined;
  }
}

export function percentile(histogram: Histogram, p: number): number | undefined {
  return histogram.percentile(p);
}
