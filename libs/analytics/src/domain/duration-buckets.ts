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

const ascending = (buckets: readonly number[]) => buckets.every((bucket, i) => i === 0 || buckets[i - 1] < bucket);

/**
 * Counts per bucket with their total. The first histogram added as arrays is kept as given (a year
 * by day has ~2,200 cells that each get exactly one); a second one or a single bucket turns it into
 * a dense array indexed by bucket, which merges without allocating: as maps, merging ~4,400
 * histograms spent most of the report's time.
 */
export class Histogram {
  private counts: Float64Array | null = null;
  private only: { buckets: readonly number[]; cases: readonly number[] } | null = null;
  private total = 0;

  static of(entries: [bucket: number, count: number][]): Histogram {
    const histogram = new Histogram();
    for (const [bucket, count] of entries) histogram.add(bucket, count);
    return histogram;
  }

  /** Adds `cases[i]` durations in bucket `buckets[i]` for every i. */
  addAll(buckets: readonly number[], cases: readonly number[]): void {
    if (this.total === 0 && this.counts === null && ascending(buckets)) {
      this.only = { buckets, cases };
      for (const count of cases) this.total += count;
      return;
    }
    for (let i = 0; i < buckets.length; i++) this.add(buckets[i], cases[i]);
  }

  add(bucket: number, count: number): void {
    const counts = this.dense(bucket);
    counts[bucket] += count;
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
    if (this.only) {
      const { buckets, cases } = this.only;
      for (let i = 0; i < buckets.length; i++) {
        seen += cases[i];
        if (seen >= rank) return bucketValue(buckets[i]);
      }
      return undefined;
    }
    const counts = this.counts!;
    for (let bucket = 0; bucket < counts.length; bucket++) {
      seen += counts[bucket];
      if (seen >= rank) return bucketValue(bucket);
    }
    return undefined;
  }

  /** The dense counts, large enough for `bucket`, with the kept arrays moved in. */
  private dense(bucket: number): Float64Array {
    if (this.counts === null || bucket >= this.counts.length) {
      const grown = new Float64Array(Math.max(bucket + 1, INITIAL_BUCKETS, 2 * (this.counts?.length ?? 0)));
      if (this.counts) grown.set(this.counts);
      this.counts = grown;
    }
    if (this.only) {
      const { buckets, cases } = this.only;
      this.only = null;
      for (let i = 0; i < buckets.length; i++) this.dense(buckets[i])[buckets[i]] += cases[i];
    }
    return this.counts;
  }
}

export function percentile(histogram: Histogram, p: number): number | undefined {
  return histogram.percentile(p);
}
