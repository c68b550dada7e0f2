import { readBounce } from './bounce-handler';

const DSN = [
  'From: MAILER-DAEMON@mx.example.dk', 'Subject: Undelivered Mail Returned to Sender', 'Message-ID: <bounce-1@mx.example.dk>',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'Could not deliver.', '',
  '--b', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.dk', '', 'Final-Recipient: rfc822; karen@example.dk',
  'Action: failed', 'Status: 5.1.1', 'Diagnostic-Code: smtp; 550 5.1.1 <karen@example.dk>: Recipient address rejected', '',
  '--b', 'Content-Type: text/rfc822-headers', '', 'Message-ID: <kontakt.1234@kommune.dk>', 'Subject: Re: Storskrald [K-2026-000001]', '', '--b--', '',
].join('\r\n');

describe('readBounce', () => {
  it('finds the returned Message-ID and the diagnostic', () => {
    const bounce = readBounce(Buffer.from(DSN));
    expect(bounce.messageIds).toEqual(['<bounce-1@mx.example.dk>', '<kontakt.1234@kommune.dk>']);
    expect(bounce.reason).toBe('bounced: 550 5.1.1 <karen@example.dk>: Recipient address rejected');
  });
});
