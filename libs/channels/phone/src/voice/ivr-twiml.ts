import twilio from 'twilio';
import type { Language } from '@kontakt/core';
import { IVR, SAY_LANGUAGE } from './ivr-texts';

const { VoiceResponse } = twilio.twiml;

/** Builds the absolute URL of a follow-up route under /webhooks/twilio/voice, as Twilio will call (and sign) it. */
export type VoiceUrl = (path: string, query?: Record<string, string>) => string;

type Bilingual = { da: string; en: string };
type Sayer = { say(attributes: { language: (typeof SAY_LANGUAGE)[Language] }, text: string): unknown };

const say = (target: Sayer, language: Language, text: Bilingual) => target.say({ language: SAY_LANGUAGE[language] }, text[language]);

/** The TwiML of every IVR step; each function is one answer to Twilio. */
export const IvrTwiml = {
  /** Step 1: Danish (1) or English (2); no key means Danish. */
  chooseLanguage(url: VoiceUrl): string {
    const response = new VoiceResponse();
    const gather = response.gather({ numDigits: 1, timeout: 6, action: url('/language'), method: 'POST' });
    gather.say({ language: SAY_LANGUAGE.da }, IVR.chooseLanguage.da);
    gather.say({ language: SAY_LANGUAGE.en }, IVR.chooseLanguage.en);
    response.redirect({ method: 'POST' }, url('/language'));
    return response.toString();
  },

  /** Step 2: a topic by keypad; no key goes on with the default topic. */
  chooseTopic(url: VoiceUrl, language: Language, menu: { digit: number; name: string }[]): string {
    const response = new VoiceResponse();
    const gather = response.gather({ numDigits: 1, timeout: 8, action: url('/topic', { lang: language }), method: 'POST' });
    say(gather, language, IVR.chooseTopic);
    for (const item of menu) say(gather, language, IVR.topicOption(item.digit, item.name));
    response.redirect({ method: 'POST' }, url('/topic', { lang: language }));
    return response.toString();
  },

  /** Puts the caller through to an agent's number or Twilio Client identity; /dialled hears how it went. */
  connect(url: VoiceUrl, language: Language, topic: string, endpoint: string): string {
    const response = new VoiceResponse();
    say(response, language, IVR.connecting);
    const dial = response.dial({ action: url('/dialled', { lang: language, topic }), method: 'POST', timeout: 20, answerOnBridge: true });
    if (endpoint.startsWith('client:')) dial.client(endpoint.slice('client:'.length));
    else dial.number(endpoint);
    return response.toString();
  },

  /** Call-back (1) or voicemail (2), after saying why no one answers now. */
  offerOptions(url: VoiceUrl, language: Language, topic: string, reasons: Bilingual[]): string {
    const response = new VoiceResponse();
    for (const reason of reasons) say(response, language, reason);
    const gather = response.gather({ numDigits: 1, timeout: 8, action: url('/choice', { lang: language, topic }), method: 'POST' });
    say(gather, language, IVR.options);
    say(response, language, IVR.noChoice);
    response.hangup();
    return response.toString();
  },

  /** Records a voicemail with transcription; /recorded gets the recording, /transcription its text. */
  recordVoicemail(url: VoiceUrl, language: Language, topic: string, lead?: Bilingual): string {
    const response = new VoiceResponse();
    if (lead) say(response, language, lead);
    say(response, language, IVR.recordAfterTone);
    response.record({
      action: url('/recorded', { lang: language, topic }), method: 'POST', maxLength: 180, playBeep: true, finishOnKey: '#',
      transcribe: true, transcribeCallback: url('/transcription'),
    });
    say(response, language, IVR.noChoice);
    response.hangup();
    return response.toString();
  },

  /** Says one last thing and hangs up. */
  farewell(language: Language, text: Bilingual): string {
    const response = new VoiceResponse();
    say(response, language, text);
    response.hangup();
    return response.toString();
  },

  /** An answer with nothing to do (status and transcription callbacks). */
  empty(): string {
    return new VoiceResponse().toString();
  },
};
