import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dataSourceOptions } from '@kontakt/database';
import { classify, Topic } from '@kontakt/topics';
import { inboundContactOf } from './demo-inbound';
import { planDemo } from './demo-plan';

const now = new Date('2026-11-25T10:30:00Z');
const DAY_MS = 86_400_000;

/** The topics a fresh database starts with, read from the migration that seeds them. */
async function defaultTopics(): Promise<Topic[]> {
  const migrations = dataSourceOptions('postgres://unused').migrations as (new () => MigrationInterface)[];
  const topics: Topic[] = [];
  const runner = {
    query: async (sql: string, params: unknown[] = []) => {
      if (!sql.includes('INSERT INTO topics')) return;
      const [slug, nameDa, nameEn, queueSlug, priority, keywords, isDefault, position] = params as [string, string, string, string, 1 | 2 | 3 | 4, string[], boolean, number];
      topics.push({ id: slug, slug, nameDa, nameEn, queueId: queueSlug, queueSlug, keywords, priority, isDefault, active: true, position });
    },
  } as unknown as QueryRunner;
  for (const Migration of migrations) {
    const migration = new Migration();
    if (migration.constructor.name.startsWith('DefaultTopics')) await migration.up(runner);
  }
  return topics;
}

describe('planDemo', () => {
  const plan = planDemo(now);

  it('plans the same citizens, contacts and times for the same moment', () => {
    expect(JSON.stringify(planDemo(now))).toBe(JSON.stringify(plan));
  });

  it('spreads 300 contacts over the last 90 days, oldest first and none in the future', () => {
    expect(plan.contacts).toHaveLength(300);
    const times = plan.contacts.map((c) => c.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThan(now.getTime() - 91 * DAY_MS);
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(new Set(plan.contacts.map((c) => c.externalId)).size).toBe(300);
  });

  it('has every follow-up come after the contact that opened its case, from the same citizen', () => {
    const byId = new Map(plan.contacts.map((c) => [c.externalId, c]));
    const followUps = plan.contacts.filter((c) => c.followUp);
    expect(followUps.length).toBeGreaterThan(30);
    for (const followUp of followUps) {
      const opening = byId.get(followUp.followUp!.of)!;
      expect(opening.followUp).toBeUndefined();
      expect(opening.citizen).toBe(followUp.citizen);
      expect(followUp.occurredAt.getTime()).toBeGreaterThan(opening.occurredAt.getTime());
    }
  });

  it('has about one contact in ten written in English', () => {
    const share = plan.contacts.filter((c) => c.citizen.language === 'en').length / plan.contacts.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.15);
  });

  it('keeps phone calls, counter visits and letters to weekdays', () => {
    const office = plan.contacts.filter((c) => ['phone', 'counter', 'post'].includes(c.channel));
    expect(office.length).toBeGreaterThan(0);
    expect(office.every((c) => c.occurredAt.getUTCDay() !== 0 && c.occurredAt.getUTCDay() !== 6)).toBe(true);
  });

  it('words every opening so intake classifies it as its planned topic and language, on every channel', async () => {
    const topics = await defaultTopics();
    const misread = plan.contacts
      .filter((c) => !c.followUp)
      .map((c) => ({ c, contact: inboundContactOf(c) }))
      .map(({ c, contact }) => ({ c, result: classify(topics, { subject: contact.subject, body: contact.bodyText, topicSlug: contact.topicSlug }) }))
      .filter(({ c, result }) => result.topic.slug !== c.topic || result.language !== c.citizen.language)
      .map(({ c, result }) => `${c.externalId} ${c.channel}: planned ${c.topic}/${c.citizen.language}, classified ${result.topic.slug}/${result.language}`);
    expect(misread).toEqual([]);
  });
});
