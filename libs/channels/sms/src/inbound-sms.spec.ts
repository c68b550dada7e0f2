import type { AppConfig } from '@kontakt/config';
import type { Database } from '@kontakt/database';
import type { InboundContact, IntakeService, ReceiveOptions } from '@kontakt/intake';
import { InboundSms } from './inbound-sms';
import type { SmsRepository } from './sms.repository';

const SID = `SM${'ab'.repeat(16)}`;

function setUp(openCase?: string) {
  const received: InboundContact[] = [];
  const segments: unknown[][] = [];
  const optedOut = new Set<string>();
  const sms = {
    optOut: async (_: unknown, phone: string) => void optedOut.add(phone),
    optIn: async (_: unknown, phone: string) => void optedOut.delete(phone),
    openCaseOfPhone: async () => openCase,
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
  const service = new InboundSms({} as Database, intake, sms, { smsSegmentCostOre: 50 } as AppConfig);
  return { service, received, segments, optedOut };
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
    const twiml = await service.receive({ MessageSid: SID, From: '+4526112233', Body: 'Hej igen', NumSegments: '3' });
    expect(received).toEqual([expect.objectContaining({ channel: 'sms', externalId: SID, sender: { phone: '+4526112233' }, bodyText: 'Hej igen', thread: { references: ['K-2026-000001'] } })]);
    expect(segments).toEqual([['contact-1', 'inbound', SID, 3, 150]]);
    expect(twiml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it('refuses a text without a usable sender number', async () => {
    const { service } = setUp();
    await expect(service.receive({ MessageSid: SID, From: 'anonymous', Body: 'Hej' })).rejects.toThrow('From is missing or is not a phone number');
  });
});
