import { randomBytes } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import twilio from 'twilio';
import type { TestServer } from './test-server';

/** A Twilio account for tests: ids and token in Twilio's own formats. */
export const TWILIO_ACCOUNT_SID = `AC${'5a'.repeat(16)}`;
export const TWILIO_AUTH_TOKEN = 'k0ntaktT3stAuthToken000000000000';
export const TWILIO_NUMBER = '+4570102030';

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
export const newCallSid = () => sid('CA');
export const newMessageSid = () => sid('SM');
export const newRecordingSid = () => sid('RE');

/** A Danish mobile number no other test uses (the +45 26 range is valid throughout in libphonenumber's metadata). */
export const danishMobile = () => `+4526${String(randomBytes(4).readUInt32BE() % 1_000_000).padStart(6, '0')}`;

/**
 * Posts a webhook exactly as Twilio does: form-encoded parameters, signed with the twilio package's
 * own getExpectedTwilioSignature over the full URL (PUBLIC_BASE_URL + path and query) and the parameters.
 */
export function postSigned(server: TestServer, pathAndQuery: string, params: Record<string, string>, authToken = TWILIO_AUTH_TOKEN) {
  const signature = twilio.getExpectedTwilioSignature(authToken, `${server.url}${pathAndQuery}`, params);
  return server.request.post(pathAndQuery).type('form').set('X-Twilio-Signature', signature).send(params);
}

/** The follow-up URL Twilio would call next, relative to the server, from an absolute TwiML action. */
export const pathOf = (action: string) => {
  const url = new URL(action);
  return `${url.pathname}${url.search}`;
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['Say', 'Number', 'Client', 'Message'].includes(name), textNodeName: 'text', parseTagValue: false, parseAttributeValue: false });

export interface TwimlSay {
  text: string;
  language?: string;
}

/** A TwiML document as data: <Response> with its verbs (attributes without prefix, text in `text`). */
export function parseTwiml(xml: string): Record<string, any> {
  const document = parser.parse(xml) as { Response?: Record<string, any> | '' };
  if (!('Response' in document)) throw new Error(`Not TwiML: ${xml}`);
  return document.Response || {};
}

/** Everything said in a TwiML element (its <Say> children), in order. */
export const saidIn = (element: { Say?: TwimlSay[] } | undefined): TwimlSay[] => element?.Say ?? [];
