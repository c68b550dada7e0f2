/** How a resolved case ended; reports group resolutions by these codes. */
export const OUTCOMES = ['answered', 'referred', 'no_action', 'duplicate'] as const;
export type Outcome = (typeof OUTCOMES)[number];
