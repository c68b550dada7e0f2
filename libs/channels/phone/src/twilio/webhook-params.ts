import { BadRequestException } from '@nestjs/common';

/** The form fields of a Twilio webhook, after the signature check. */
export type WebhookParams = Record<string, unknown>;

const SID = { CallSid: /^CA[0-9a-f]{32}$/, MessageSid: /^(SM|MM)[0-9a-f]{32}$/, RecordingSid: /^RE[0-9a-f]{32}$/ } as const;

/** A Twilio id the webhook must carry, checked by its prefix and length; a clear 400 otherwise. */
export function sidOf(params: WebhookParams, name: keyof typeof SID): string {
  const value = params[name];
  if (typeof value !== 'string' || !SID[name].test(value)) throw new BadRequestException(`${name} is missing or is not a Twilio ${name}`);
  return value;
}

/** An optional text field, trimmed and cut to `max` characters. */
export function textOf(params: WebhookParams, name: string, max = 2000): string | undefined {
  const value = params[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

/** A whole number of seconds, segments or digits; undefined when absent or not a whole number. */
export function countOf(params: WebhookParams, name: string): number | undefined {
  const value = params[name];
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
