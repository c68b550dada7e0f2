import type { InboundContact } from '@kontakt/intake';
import type { PlannedContact } from './demo-plan';
import { FRAMING } from './demo-texts';

/**
 * A planned contact as its channel adapter would hand it to intake: an email has a greeting and a
 * signature, an SMS only its first sentence, a call or a counter visit is the note staff wrote.
 * A follow-up names the reference of its case, as citizens quote it back.
 */
export function inboundContactOf(contact: PlannedContact, reference?: string): InboundContact {
  const { citizen, channel, request, followUp } = contact;
  const words = FRAMING[citizen.language];
  const address = `${citizen.street}\n${citizen.postcode} ${citizen.city}`;
  const text = followUp ? followUp.text : request.body.replaceAll('{adresse}', citizen.street);
  const subject = !followUp ? request.subject : channel === 'email' ? `${words.replyPrefix} ${request.subject} [${reference}]` : `${words.followUp} ${reference}`;
  const common = {
    channel, externalId: contact.externalId, occurredAt: contact.occurredAt,
    thread: followUp && reference ? { references: [reference] } : undefined,
  };
  switch (channel) {
    case 'email':
      return { ...common, sender: { name: citizen.name, email: citizen.email }, subject, bodyText: `${words.greeting}\n\n${text}\n\n${words.signOff}\n${citizen.name}` };
    case 'webform':
      return {
        ...common, sender: { name: citizen.name, email: citizen.email, phone: citizen.phone }, subject, bodyText: text,
        topicSlug: contact.topicChosen ? contact.topic : undefined,
      };
    case 'sms':
      return { ...common, sender: { phone: citizen.phone }, bodyText: followUp ? `${text} (${words.caseWord} ${reference})` : firstSentence(text) };
    case 'phone':
      return { ...common, sender: { name: citizen.name, phone: citizen.phone }, subject: `${words.call}: ${subject}`, bodyText: `${words.callNote} ${text}` };
    case 'post':
      return { ...common, sender: { name: citizen.name, address }, subject, bodyText: `${text}\n\n${words.signOff}\n${citizen.name}\n${address}` };
    case 'counter':
      return {
        ...common, sender: { name: citizen.name, phone: citizen.phone, address }, subject: `${words.counter}: ${subject}`, bodyText: `${words.counterNote} ${text}`,
      };
  }
}

function firstSentence(text: string): string {
  return text.match(/^.*?[.?!](?=\s|$)/)?.[0] ?? text;
}
