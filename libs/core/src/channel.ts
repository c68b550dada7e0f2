/** The channels a contact can arrive or leave on. `counter` is a face-to-face visit. */
export const CHANNELS = ['email', 'webform', 'sms', 'phone', 'post', 'counter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
