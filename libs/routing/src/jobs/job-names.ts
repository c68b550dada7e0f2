/** pg-boss queues of the router. */
export const OFFER_EXPIRY_JOB = 'routing-offer-expiry';
export const PRESENCE_GRACE_JOB = 'routing-presence-grace';
export const SWEEP_JOB = 'routing-sweep';
