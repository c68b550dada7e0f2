import type { Database } from '@kontakt/database';
import type { Topic, TopicsService } from '@kontakt/topics';
import { DirectLines } from './direct-lines';
import type { NumberKind, TwilioNumbersRepository } from './twilio-numbers.repository';

const topic = (slug: string, queueId: string, extra: Partial<Topic> = {}): Topic => ({
  id: slug, slug, nameDa: slug, nameEn: slug, queueId, queueSlug: queueId, keywords: [], priority: 2, isDefault: false, active: true, position: 0, ...extra,
});

const TOPICS = [
  topic('generelt', 'borgerservice', { isDefault: true }),
  topic('affald', 'teknik', { keywords: ['affald'], position: 1 }),
  topic('veje', 'teknik', { keywords: ['vej', 'hul i vejen'], position: 2 }),
];

function lines(numbers: Record<string, { queueId: string | null; kinds: NumberKind[] }>) {
  const repository = {
    queueOf: async (_: unknown, number: string, kind: NumberKind) => (numbers[number]?.kinds.includes(kind) ? numbers[number].queueId ?? undefined : undefined),
    takesSms: async (_: unknown, number: string) => numbers[number]?.kinds.includes('sms') ?? false,
  } as unknown as TwilioNumbersRepository;
  return new DirectLines({} as Database, repository, { active: async () => TOPICS } as unknown as TopicsService);
}

describe('DirectLines', () => {
  const numbers = {
    '+4570203040': { queueId: 'teknik', kinds: ['voice', 'sms'] as NumberKind[] },
    '+4570102030': { queueId: null, kinds: ['voice', 'sms'] as NumberKind[] },
    '+4570909090': { queueId: 'lukket', kinds: ['voice'] as NumberKind[] },
    '+4570111111': { queueId: 'teknik', kinds: ['sms'] as NumberKind[] },
  };

  it('files a call to a queue\'s line under the queue\'s first topic, whatever number format Twilio sends', async () => {
    expect((await lines(numbers).topicFor('70 20 30 40', 'voice'))?.slug).toBe('affald');
  });

  it('picks among the queue\'s topics by the text\'s keywords', async () => {
    expect((await lines(numbers).topicFor('+4570203040', 'sms', 'Der er et hul i vejen'))?.slug).toBe('veje');
  });

  it('leaves an unlisted number, a number without a queue, a queue without active topics and a number of the other kind to the usual flow', async () => {
    const direct = lines(numbers);
    expect(await direct.topicFor('+4570000000', 'voice')).toBeUndefined();
    expect(await direct.topicFor('+4570102030', 'voice')).toBeUndefined();
    expect(await direct.topicFor('+4570909090', 'voice')).toBeUndefined();
    expect(await direct.topicFor('+4570111111', 'voice')).toBeUndefined();
    expect(await direct.topicFor(undefined, 'sms')).toBeUndefined();
  });

  it('sends replies only from numbers listed for texts', async () => {
    const direct = lines(numbers);
    expect(await direct.smsSender('+4570111111')).toBe('+4570111111');
    expect(await direct.smsSender('+4570909090')).toBeUndefined();
    expect(await direct.smsSender(undefined)).toBeUndefined();
  });
});
