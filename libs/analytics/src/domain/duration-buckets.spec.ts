import { bucketOf, bucketValue, Histogram, percentile } from './duration-buckets';

describe('duration buckets', () => {
  it('puts a duration in the bucket floor(ln(1 + s) / ln 1.1)', () => {
    // ln(7,201) / ln(1.1) = 93.19…; ln(1) / ln(1.1) = 0
    expect(bucketOf(7200)).toBe(93);
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(-5)).toBe(0);
  });

  it('reports a bucket by its midpoint, within 5 % of any duration in it', () => {
    for (const seconds of [1, 59, 60, 3600, 7200, 86_400, 2_592_000, 31_536_000]) {
      expect(Math.abs(bucketValue(bucketOf(seconds)) - seconds)).toBeLessThanOrEqual(Math.max(1, seconds * 0.05));
    }
  });

  it('takes the nearest-rank percentile over merged histograms', () => {
    // durations 3,600 / 14,400 / 172,800 s: the median is the 2nd (⌈0.5 × 3⌉), the 90th percentile the 3rd (⌈0.9 × 3⌉)
    const histogram = Histogram.of([[bucketOf(3600), 1], [bucketOf(14_400), 1], [bucketOf(172_800), 1]]);
    expect(percentile(histogram, 0.5)).toBe(bucketValue(bucketOf(14_400)));
    expect(percentile(histogram, 0.9)).toBe(bucketValue(bucketOf(172_800)));
    expect(percentile(new Histogram(), 0.5)).toBeUndefined();
  });

  it('weighs a bucket by its count', () => {
    // ten cases of 60 s and one of a day: the median and the 90th percentile (rank 10 of 11) are both 60 s
    const histogram = Histogram.of([[bucketOf(60), 10], [bucketOf(86_400), 1]]);
    expect(percentile(histogram, 0.5)).toBe(bucketValue(bucketOf(60)));
    expect(percentile(histogram, 0.9)).toBe(bucketValue(bucketOf(60)));
    expect(percentile(histogram, 0.95)).toBe(bucketValue(bucketOf(86_400)));
  });

  it('merges histograms given as bucket and count arrays, in any bucket order', () => {
    const histogram = new Histogram();
    histogram.addAll([2, 5, 9], [1, 1, 1]);
    expect(percentile(histogram, 0.5)).toBe(bucketValue(5));
    histogram.addAll([9, 1], [4, 3]);
    // buckets 1 ×3, 2 ×1, 5 ×1, 9 ×5: rank 5 of 10 is bucket 5, rank 9 is bucket 9
    expect(percentile(histogram, 0.5)).toBe(bucketValue(5));
    expect(percentile(histogram, 0.9)).toBe(bucketValue(9));
    expect(percentile(histogram, 0.1)).toBe(bucketValue(1));
    const unordered = new Histogram();
    unordered.addAll([9, 1], [1, 3]);
    expect(percentile(unordered, 0.75)).toBe(bucketValue(1));
    expect(percentile(unordered, 0.8)).toBe(bucketValue(9));
  });

    it('grows for a bucket beyond its initial size', () => {
    const histogram = Histogram.of([[3, 1], [400, 2]]);
    expect(percentile(histogram, 0.5)).toBe(bucketValue(400));
    expect(percentile(histogram, 0.3)).toBe(bucketValue(3));
  });
});
