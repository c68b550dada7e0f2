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

export type Histogram = Map<number, number>;

export function mergeInto(target: Histogram, bucket: number, count: number): void {
  target.set(bucket, (target.get(bucket) ?? 0) + count);
}

/**
 * The nearest-rank percentile: the smallest recorded duration such that at least p of all durations
 * are at or below it (rank ⌈p × n⌉), reported as its bucket's midpoint. Undefined without data.
 */
export function percentile(histogram: Histogram, p: number): number | undefined {
  let total = 0;
  for (const count of histogram.values()) total += count;
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil(p * total));
  // a year by day asks for four percentiles of each of ~2,600 histograms: sort the buckets without copies of the counts
  const buckets = Int16Array.from(histogram.keys()).sort();
  let seen = 0;
  for (const bucket of buckets) {
    seen += histogram.get(bucket)!;
    if (seen >= rank) return bucketValue(bucket);
  }
  return undefined;
}
