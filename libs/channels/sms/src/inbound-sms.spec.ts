import type { AppConfig } from '@kontakt/config';
import type { Database } from '@kontakt/database';
import type { DirectLines } from '@kontakt/channels/phone';
import type { InboundContact, IntakeService, ReceiveOptions } from '@kontakt/intake';
import { InboundSms } from './inbound-sms';
import type { SmsRepository } from './sms.repository';

const SID = `SM${'ab'.repeat(16)}`;

const TEKNIK_LINE = '+4570203040';

function setUp(openCase?: string) {
  const received: InboundContact[] = [];
  const segments: unknown[][] = [];
  const threadedIn: unknown[] = [];
  const optedOut = new Set<string>();
  const sms = {
    optOut: async (_: unknown, phone: string) => void optedOut.add(phone),
    optIn: async (_: unknown, phone: string) => void optedOut.delete(phone),
    openCaseOfPhone: async (_: unknown, _phone: string, queueId?: string) => {
      threadedIn.push(queueId);
      return openCase;
    },
    recordSegments: async (...args: unknown[]) => void segments.push(args.slice(1)),
  } as unknown as SmsRepository;
  const intake = {
    receive: async (contact: InboundContact, options: ReceiveOptions) => {
      received.push(contact);
      const result = { caseId: 'case-1', reference: 'K-2026-000001', contactId: 'contact-1', duplicate: false, newCase: !openCase };
      await options.inTransaction?.({} as never, result);
      return result;
    },
  } as unknown as IntakeService;
  const lines = {
    topicFor: async (to: string | undefined, kind: string, text?: string) =>
      to === TEKNIK_LINE && kind === 'sms' ? { slug: /vej/.test(text ?? '') ? 'veje' : 'affald', queueId: 'queue-teknik' } : undefined,
  } as unknown as DirectLines;
  const service = new InboundSms({} as Database, intake, sms, lines, { smsSegmentCostOre: 50 } as AppConfig);
  return { service, received, segments, optedOut, threadedIn };
}

describe('InboundSms', () => {
  it('opts a number out on STOP, answers with a confirmation and records no contact', async () => {
    const { service, received, optedOut } = setUp();
    const twiml = await service.receive({ MessageSid: SID, From: '26 11 22 33', Body: 'STOP' });
    expect(optedOut).toEqual(new Set(['+4526112233']));
    expect(received).toEqual([]);
    expect(twiml).toMatch(/<Message>Du modtager ikke flere sms'er fra kommunen/);
  });

  it('threads a text into the sender\'s open case by number and costs its segments', async () => {
    const { service, received, segments } = setUp('K-2026-000001');
    const twiml = await service.receive({ MessageSid: SID, From: '+4526112233', To: '+4570102030', Body: 'Hej igen', NumSegments: '3' });
    expect(received).toEqual([expect.objectContaining({ channel: 'sms', externalId: SID, sender: { phone: '+4526112233' }, bodyText: 'Hej igen', thread: { references: ['K-2026-000001'] } })]);
    expect(segments).toEqual([['contact-1', 'inbound', SID, 3, 150, '+4570102030']]);
    expect(twiml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it('files a text to a queue\'s direct line under that queue\'s topic, threading only into the sender\'s open case in that queue', async () => {
    const { service, received, segments, threadedIn } = setUp();
    await service.receive({ MessageSid: SID, From: '+4526112233', To: '70 20 30 40', Body: 'Der er hul i vejen' });
    expect(threadedIn).toEqual(['queue-teknik']);
    expect(received).toEqual([expect.objectContaining({ topicSlug: 'veje', thread: undefined })]);
    expect(segments[0]).toEqual(['contact-1', 'inbound', SID, 1, 50, TEKNIK_LINE]);
  });

  it('leaves a text to any other number to keyword classification across all queues', async () => {
    const { service, received, threadedIn } = setUp();
    await service.receive({ MessageSid: SID, From: '+4526112233', To: '+4570102030', Body: 'Der er hul i vejen' });
    expect(threadedIn).toEqual([undefined]);
    expect(received).toEqual([expect.objectContaining({ topicSlug: undefined })]);
  });

  it('refuses a text without a usable sender number', async () => {
    const { service } = setUp();
    await expect(service.receive({ MessageSid: SID, From: 'anonymous', Body: 'Hej' })).rejects.toThrow('From is missing or is not a phone number');
  });
});
