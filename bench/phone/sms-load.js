'use strict';
/**
 * Signed inbound-SMS load: autocannon POSTs form-encoded Twilio webhooks to /webhooks/twilio/sms,
 * each a fresh MessageSid from one of `citizens` numbers (so texts thread into open cases as they do
 * in life), signed with the twilio package's getExpectedTwilioSignature for the URL the server
 * validates against (its PUBLIC_BASE_URL). Counts 2xx answers; keeps a few refusals to explain them.
 */
const { randomBytes } = require('node:crypto');
const autocannon = require('autocannon');
const twilio = require('twilio');

const PATH = '/webhooks/twilio/sms';
const BODIES = [
  'Hej, hvornår bliver storskraldet hentet på min vej?',
  'Jeg har ikke fået svar på min ansøgning om boligstøtte.',
  'Hvornår har borgerservice åbent på lørdag?',
  'Der er et stort hul i vejen ud for nr. 12.',
  'Kan jeg bestille nyt sundhedskort via sms?',
];

function createSmsStream({ authToken, signedBase, citizens = 2000 }) {
  let serial = 0;
  return {
    next() {
      const n = serial++;
      const params = {
        MessageSid: `SM${randomBytes(16).toString('hex')}`,
        AccountSid: 'AC' + '5a'.repeat(16),
        From: `+4526${String(n % citizens).padStart(6, '0')}`,
        To: '+4570102030',
        Body: BODIES[n % BODIES.length],
        NumSegments: '1',
      };
      const signature = twilio.getExpectedTwilioSignature(authToken, `${signedBase}${PATH}`, params);
      return { body: new URLSearchParams(params).toString(), signature };
    },
  };
}

function runSmsLoad({ url, connections, seconds, stream, signal }) {
  const rejected = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url, connections, pipelining: 1, duration: seconds, timeout: 10,
        requests: [{
          method: 'POST',
          path: PATH,
          setupRequest: (request) => {
            const { body, signature } = stream.next();
            return { ...request, body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature } };
          },
          onResponse: (status, body) => {
            if ((status < 200 || status > 299) && rejected.length < 3) rejected.push(`${status} ${String(body).slice(0, 300)}`);
          },
        }],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          seconds: result.duration, requests: result['2xx'], perSecond: result['2xx'] / result.duration, non2xx: result.non2xx, errors: result.errors, rejected,
          latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
        });
      },
    );
    signal?.addEventListener('abort', () => instance.stop(), { once: true });
  });
}

module.exports = { createSmsStream, runSmsLoad };
