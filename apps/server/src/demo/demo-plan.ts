import type { Channel, Language } from '@kontakt/core';
import {
  DANISH_FIRST_NAMES, DANISH_SURNAMES, EMAIL_DOMAINS, ENGLISH_FIRST_NAMES, ENGLISH_SURNAMES, MOBILE_PREFIXES, STREETS,
} from './demo-people';
import { DemoRequest, DemoTopic, FOLLOW_UPS, REQUESTS, TOPIC_WEIGHTS } from './demo-texts';
import { SeededRandom } from './seeded-random';

export const DEMO_SEED = 2026;
/** Every demo contact's external id starts with it. */
export const DEMO_EXTERNAL_ID_PREFIX = 'demo-';
const DAYS = 90;
const CITIZENS = 215;
const OPENINGS = 255;
const FOLLOW_UP_COUNT = 45;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DemoCitizen {
  name: string;
  language: Language;
  email?: string;
  phone?: string;
  /** street and number, e.g. "Adelgade 12" */
  street: string;
  postcode: string;
  city: string;
}

export interface PlannedContact {
  /** `demo-<n>`, the channel's message id: delivering it again is a duplicate, not a second contact */
  externalId: string;
  citizen: DemoCitizen;
  channel: Channel;
  occurredAt: Date;
  topic: DemoTopic;
  /** what the case is about; a follow-up carries the request of the contact that opened its case */
  request: DemoRequest;
  /** the citizen picked the topic on the web form */
  topicChosen: boolean;
  /** set on a follow-up: the external id of the contact that opened the case, and what the citizen writes now */
  followUp?: { of: string; text: string };
}

export interface DemoPlan {
  /** distinct people writing; intake may see more citizens when someone uses channels that share no identity */
  people: number;
  /** oldest first, so a follow-up comes after the contact it follows up */
  contacts: PlannedContact[];
}

/**
 * Channel mix 90 days ago and today: the drift from phone, letters and counter visits towards the
 * web form is the channel shift the cost report is there to show.
 */
const MIX_THEN: Record<Channel, number> = { phone: 30, email: 24, webform: 14, post: 10, counter: 12, sms: 10 };
const MIX_NOW: Record<Channel, number> = { phone: 18, email: 24, webform: 36, post: 5, counter: 7, sms: 10 };
const FOLLOW_UP_MIX: Record<Channel, number> = { phone: 3, email: 3, webform: 2, sms: 2, counter: 1, post: 0 };
/** Channels staffed in opening hours; at weekends citizens come in digitally. */
const OFFICE_CHANNELS: readonly Channel[] = ['phone', 'counter', 'post'];

/** The same citizens, contacts and times for the same `now`, on every machine. */
export function planDemo(now: Date): DemoPlan {
  const random = new SeededRandom(DEMO_SEED);
  const citizens = makeCitizens(random);
  const openings: PlannedContact[] = [];
  for (let n = 1; n <= OPENINGS; n++) {
    // Every citizen writes once; some come back later with a second, unrelated matter.
    const citizen = n <= citizens.length ? citizens[n - 1] : random.pick(citizens);
    const topic = random.weighted(TOPIC_WEIGHTS);
    const { channel, occurredAt } = openingMoment(random, now, citizen);
    openings.push({
      externalId: `${DEMO_EXTERNAL_ID_PREFIX}${n}`, citizen, channel, occurredAt, topic,
      request: random.pick(REQUESTS[topic][citizen.language]), topicChosen: channel === 'webform' && random.chance(0.6),
    });
  }
  return { people: citizens.length, contacts: [...openings, ...followUps(random, now, openings)].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()) };
}

function followUps(random: SeededRandom, now: Date, openings: PlannedContact[]): PlannedContact[] {
  const planned: PlannedContact[] = [];
  const followed = new Set<string>();
  for (let attempt = 0; planned.length < FOLLOW_UP_COUNT && attempt < 20 * FOLLOW_UP_COUNT; attempt++) {
    const opening = random.pick(openings);
    if (followed.has(opening.externalId)) continue;
    const day = new Date(startOfDay(opening.occurredAt).getTime() + random.between(1, 10) * DAY_MS);
    const channel = channelOn(random, day, opening.citizen, FOLLOW_UP_MIX);
    const occurredAt = timeOn(random, day, channel);
    if (occurredAt > now) continue;
    followed.add(opening.externalId);
    planned.push({
      ...opening, externalId: `${DEMO_EXTERNAL_ID_PREFIX}${OPENINGS + planned.length + 1}`, channel, occurredAt, topicChosen: false,
      followUp: { of: opening.externalId, text: random.pick(FOLLOW_UPS[opening.citizen.language]) },
    });
  }
  return planned;
}

/** Recent days are busier than old ones, so today's queue has work in it and old cases are mostly done. */
function openingMoment(random: SeededRandom, now: Date, citizen: DemoCitizen): { channel: Channel; occurredAt: Date } {
  for (;;) {
    const daysAgo = Math.floor(DAYS * random.next() ** 1.6);
    const day = new Date(startOfDay(now).getTime() - daysAgo * DAY_MS);
    const shift = 1 - daysAgo / DAYS;
    const mix = Object.fromEntries(Object.entries(MIX_THEN).map(([c, w]) => [c, w + (MIX_NOW[c as Channel] - w) * shift])) as Record<Channel, number>;
    const channel = channelOn(random, day, citizen, mix);
    const occurredAt = timeOn(random, day, channel);
    if (occurredAt <= now) return { channel, occurredAt };
  }
}

/** A channel the citizen can use on that day: email needs an address, SMS and phone a number. */
function channelOn(random: SeededRandom, day: Date, citizen: DemoCitizen, mix: Record<Channel, number>): Channel {
  const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
  const usable = (channel: Channel) =>
    !(weekend && OFFICE_CHANNELS.includes(channel)) &&
    (channel !== 'email' || citizen.email !== undefined) &&
    ((channel !== 'sms' && channel !== 'phone') || citizen.phone !== undefined);
  return random.weighted(Object.fromEntries(Object.entries(mix).filter(([c]) => usable(c as Channel))) as Record<Channel, number>);
}

/** Letters are registered in the morning, calls and visits come in opening hours, online contacts any time. */
function timeOn(random: SeededRandom, day: Date, channel: Channel): Date {
  const hour = channel === 'post' ? random.between(7, 8) : OFFICE_CHANNELS.includes(channel) ? random.between(7, 13) : random.between(5, 21);
  return new Date(day.getTime() + hour * 3_600_000 + random.between(0, 59) * 60_000 + random.between(0, 59) * 1000);
}

function startOfDay(moment: Date): Date {
  return new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate()));
}

function makeCitizens(random: SeededRandom): DemoCitizen[] {
  const taken = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const value = make();
      if (!taken.has(value)) {
        taken.add(value);
        return value;
      }
    }
  };
  return Array.from({ length: CITIZENS }, () => {
    const language: Language = random.chance(0.1) ? 'en' : 'da';
    const first = random.pick(language === 'en' ? ENGLISH_FIRST_NAMES : DANISH_FIRST_NAMES);
    const last = random.pick(language === 'en' ? ENGLISH_SURNAMES : DANISH_SURNAMES);
    const place = random.pick(STREETS);
    const street = unique(() => `${place.street} ${random.between(1, 120)}${random.chance(0.2) ? random.pick(['A', 'B']) : ''}`);
    const hasEmail = random.chance(0.8);
    const email = hasEmail ? unique(() => emailOf(random, first, last)) : undefined;
    const phone = !hasEmail || random.chance(0.8) ? unique(() => `+45${random.pick(MOBILE_PREFIXES)}${String(random.between(0, 999_999)).padStart(6, '0')}`) : undefined;
    return { name: `${first} ${last}`, language, email, phone, street, postcode: place.postcode, city: place.city };
  });
}

function emailOf(random: SeededRandom, first: string, last: string): string {
  const ascii = (s: string) => s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[^a-z]/g, '');
  const local = random.pick([
    `${ascii(first)}.${ascii(last)}`,
    `${ascii(first)}${ascii(last)[0]}${random.between(60, 99)}`,
    `${ascii(first)}.${ascii(last)}${random.between(1, 99)}`,
  ]);
  return `${local}@${random.pick(EMAIL_DOMAINS)}`;
}
