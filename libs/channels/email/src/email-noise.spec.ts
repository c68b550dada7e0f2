import { classifyEmail } from './email-noise';
import type { ParsedEmail } from './inbound-email-parser';

const email = (overrides: Partial<ParsedEmail> = {}, headers: Partial<ParsedEmail['noiseHeaders']> = {}): ParsedEmail => ({
  externalId: '<1@example.dk>', from: { address: 'karen@example.dk' }, subject: 'Spørgsmål', text: 'Hej', attachments: [], omitted: [], references: [],
  ...overrides,
  noiseHeaders: { contentType: 'text/plain', xAutoreply: false, ...headers },
});

describe('classifyEmail', () => {
  it('lets a citizen email be acknowledged', () => {
    expect(classifyEmail(email())).toEqual({ kind: 'citizen', noAcknowledgement: undefined });
  });

  it.each([
    [{}, { autoSubmitted: 'auto-generated' }, 'Auto-Submitted: auto-generated'],
    [{}, { precedence: 'bulk' }, 'Precedence: bulk'],
    [{}, { precedence: 'list' }, 'Precedence: list'],
    [{}, { listId: '<nyhedsbrev.example.dk>' }, 'List-Id'],
    [{ from: { address: 'noreply@butik.dk' } }, {}, 'noreply sender'],
    [{ from: { address: 'do-not-reply@bank.dk' } }, {}, 'noreply sender'],
    [{ from: { address: 'mailer-daemon@mx.example.dk' } }, {}, 'mailer-daemon sender'],
  ])('never acknowledges %j %j (%s)', (overrides, headers, reason) => {
    expect(classifyEmail(email(overrides, headers))).toEqual({ kind: 'citizen', noAcknowledgement: reason });
  });

  it('recognises out-of-office replies by header or subject', () => {
    expect(classifyEmail(email({}, { autoSubmitted: 'auto-replied' })).kind).toBe('auto_reply');
    expect(classifyEmail(email({ subject: 'Autosvar: Din henvendelse [K-2026-000001]' })).kind).toBe('auto_reply');
    expect(classifyEmail(email({ subject: 'Out of Office: Re: sag' })).kind).toBe('auto_reply');
    expect(classifyEmail(email({}, { xAutoreply: true })).kind).toBe('auto_reply');
  });

  it('recognises delivery status notifications', () => {
    expect(classifyEmail(email({}, { contentType: 'multipart/report; report-type=delivery-status; boundary=x' })).kind).toBe('bounce');
    expect(classifyEmail(email({ from: { address: 'mailer-daemon@mx.dk' }, subject: 'Undelivered Mail Returned to Sender' })).kind).toBe('bounce');
  });
});
