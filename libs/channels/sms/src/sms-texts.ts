/** What the SMS channel tells citizens and staff, in both languages. */
export const SMS_TEXTS = {
  optedOut: 'Du modtager ikke flere sms\'er fra kommunen. Send START for at tilmelde igen. / You will get no more texts from us. Text START to opt back in.',
  optedIn: 'Du kan igen modtage sms\'er fra kommunen. / You can receive texts from us again.',
  recipientOptedOut: {
    da: 'Borgeren har frameldt sms (STOP). Svar på en anden kanal.',
    en: 'The citizen has opted out of text messages (STOP). Reply on another channel.',
  },
  noNumber: { da: 'Borgeren har intet telefonnummer. Svar på en anden kanal.', en: 'The citizen has no phone number. Reply on another channel.' },
  notSetUp: {
    da: 'Sms-svar kan ikke sendes: der er ingen Twilio-konto med et nummer at sende fra (TWILIO_*, PUT /api/v1/phone/account eller et sms-nummer i /api/v1/phone/numbers).',
    en: 'Replies by SMS cannot be sent: no Twilio account with a number to send from is set up (TWILIO_*, PUT /api/v1/phone/account or an SMS number in /api/v1/phone/numbers).',
  },
};

const STOP_WORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'AFMELD'];
const START_WORDS = ['START', 'UNSTOP', 'YES', 'TILMELD'];

/** A text that is only an opt-out or opt-in keyword (any case, surrounding spaces and punctuation ignored). */
export function optKeyword(body: string): 'stop' | 'start' | undefined {
  const word = body.trim().replace(/[.!]+$/, '').toUpperCase();
  if (STOP_WORDS.includes(word)) return 'stop';
  if (START_WORDS.includes(word)) return 'start';
  return undefined;
}
