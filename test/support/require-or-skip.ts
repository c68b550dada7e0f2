/**
 * Suites that need something outside Node (a browser, a system tool) skip when it is missing on a
 * developer's machine, but CI sets KONTAKT_REQUIRE_ALL=1 so a missing dependency fails the run
 * instead of silently testing less.
 */
export function requireOrSkip(condition: boolean, reason: string): jest.Describe {
  if (condition) return describe;
  if (process.env.KONTAKT_REQUIRE_ALL === '1') {
    throw new Error(`KONTAKT_REQUIRE_ALL=1 and a test dependency is missing: ${reason}`);
  }
  process.stderr.write(`skipping: ${reason}\n`);
  return describe.skip;
}
