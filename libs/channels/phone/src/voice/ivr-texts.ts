import type { Language } from '@kontakt/core';
import type { WeeklyHours } from '@kontakt/routing';

/** Twilio <Say> voices per language. */
export const SAY_LANGUAGE = { da: 'da-DK', en: 'en-GB' } as const;

const LOCALE = { da: 'da-DK', en: 'en-GB' } as const;
const WEEKDAYS = {
  da: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** A moment as a caller hears it, in the municipality's time zone. */
export function spokenTime(instant: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE[language], { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone }).format(instant);
}

/** The weekly hours read out, e.g. "mandag 08:00 til 16:00, fredag 08:00 til 14:00". */
export function spokenHours(hours: WeeklyHours, language: Language): string {
  const to = language === 'da' ? 'til' : 'to';
  return (['1', '2', '3', '4', '5', '6', '7'] as const)
    .filter((day) => hours[day]?.length)
    .map((day) => `${WEEKDAYS[language][Number(day) - 1]} ${hours[day]!.map(([from, until]) => `${from} ${to} ${until}`).join(' og ')}`)
    .join(', ');
}

/** Everything the IVR says, in both languages. */
export const IVR = {
  chooseLanguage: { da: 'Velkommen til kommunen. Tryk 1 for dansk.', en: 'For English, press 2.' },
  chooseTopic: { da: 'Hvad drejer dit opkald sig om?', en: 'What is your call about?' },
  topicOption: (digit: number, name: string) => ({ da: `Tryk ${digit} for ${name}.`, en: `For ${name}, press ${digit}.` }),
  connecting: { da: 'Vi stiller dig om til en medarbejder.', en: 'We are putting you through to a member of staff.' },
  allBusy: { da: 'Alle vores medarbejdere er optaget.', en: 'All our staff are busy.' },
  noAnswer: { da: 'Medarbejderen kunne ikke tage telefonen.', en: 'The member of staff could not answer.' },
  closed: (hours: string, opens: string) => ({
    da: `Vi har lukket nu. Vores åbningstid er ${hours}. Vi åbner igen ${opens}.`,
    en: `We are closed now. Our opening hours are ${hours}. We open again ${opens}.`,
  }),
  options: { da: 'Tryk 1, hvis du vil ringes op. Tryk 2 for at indtale en besked.', en: 'Press 1 to be called back. Press 2 to leave a message.' },
  callbackPromised: (due: string) => ({ da: `Tak. Vi ringer dig op senest ${due}. Farvel.`, en: `Thank you. We will call you back by ${due}. Goodbye.` }),
  noNumber: { da: 'Vi kan ikke se dit nummer, så læg venligst en besked.', en: 'We cannot see your number, so please leave a message.' },
  recordAfterTone: { da: 'Indtal din besked efter tonen, og læg på, når du er færdig.', en: 'Leave your message after the tone and hang up when you are done.' },
  messageReceived: { da: 'Tak for din besked. Farvel.', en: 'Thank you for your message. Goodbye.' },
  noChoice: { da: 'Vi modtog ikke noget valg. Farvel.', en: 'We did not receive a choice. Goodbye.' },
} as const;

/** What a call's contact says, in both languages, for staff reading the case. */
export const CALL_NOTES = {
  subject: (topicDa: string) => `Telefonopkald: ${topicDa}`,
  connected: (topic: { da: string; en: string }) => `Opkald om ${topic.da}, stillet om til en medarbejder.\nCall about ${topic.en}, put through to a member of staff.`,
  notAnswered: (status: string) => `Medarbejderen tog ikke opkaldet (${status}); sagen er sat tilbage i køen.\nThe member of staff did not answer (${status}); the case is back in the queue.`,
  callback: (phone: string, dueDa: string, dueEn: string) => `Ønsker at blive ringet op på ${phone} senest ${dueDa}.\nAsks to be called back on ${phone} by ${dueEn}.`,
  voicemail: (seconds: number | undefined, url: string) => `Talebesked${seconds === undefined ? '' : ` (${seconds} s)`}: ${url}\nVoicemail${seconds === undefined ? '' : ` (${seconds} s)`}: ${url}`,
  transcript: (text: string) => `Udskrift / transcript:\n${text}`,
  endedInMenu: (status: string) => `Opkaldet sluttede i menuen (${status}).\nThe call ended in the menu (${status}).`,
  started: (topic?: { da: string; en: string }) => (topic ? `Opkald om ${topic.da}.\nCall about ${topic.en}.` : 'Opkald.\nCall.'),
};
