import { AcknowledgementTemplate } from './acknowledgement-template';

describe('AcknowledgementTemplate', () => {
  const template = new AcknowledgementTemplate();
  const values = { reference: 'K-2026-000123', name: 'Karen', subject: 'Storskrald', statusUrl: 'https://kontakt.kommune.dk/status/abc' };

  it('writes the Danish acknowledgement with the reference in the subject', () => {
    const ack = template.render('da', values);
    expect(ack.subject).toBe('Vi har modtaget din henvendelse [K-2026-000123]');
    expect(ack.text).toContain('Kære Karen');
    expect(ack.text).toContain('sag K-2026-000123');
    expect(ack.text).toContain('https://kontakt.kommune.dk/status/abc');
  });

  it('writes the English one for a citizen who prefers English', () => {
    expect(template.render('en', values).subject).toBe('We have received your enquiry [K-2026-000123]');
    expect(template.render('en', { ...values, name: undefined }).text).toContain('Dear citizen');
  });
});
