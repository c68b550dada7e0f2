import type { Language } from '@kontakt/core';

/** Every text the citizen sees on the web form and status pages, in Danish and English. */
const TEXTS = {
  siteName: { da: 'Kontakt kommunen', en: 'Contact the municipality' },
  skipToContent: { da: 'Gå til indhold', en: 'Skip to content' },
  switchLanguage: { da: 'Read in English', en: 'Læs på dansk' },
  formTitle: { da: 'Skriv til kommunen', en: 'Write to the municipality' },
  formIntro: {
    da: 'Udfyld formularen, så svarer vi dig hurtigst muligt. Felter markeret med * skal udfyldes.',
    en: 'Fill in the form and we will answer you as soon as we can. Fields marked * are required.',
  },
  name: { da: 'Dit navn', en: 'Your name' },
  contactMethod: { da: 'Hvordan kan vi svare dig?', en: 'How can we answer you?' },
  contactMethodHint: { da: 'Skriv din e-mail eller dit telefonnummer – eller begge.', en: 'Give your email or your phone number – or both.' },
  email: { da: 'E-mail', en: 'Email' },
  phone: { da: 'Telefonnummer', en: 'Phone number' },
  topic: { da: 'Emne', en: 'Topic' },
  topicHint: { da: 'Vælg, hvis du ved det. Ellers finder vi det rigtige sted.', en: 'Choose if you know. Otherwise we find the right place.' },
  topicUnknown: { da: 'Ved ikke', en: 'Not sure' },
  subject: { da: 'Overskrift', en: 'Subject' },
  message: { da: 'Din besked', en: 'Your message' },
  attachments: { da: 'Vedhæft filer', en: 'Attach files' },
  attachmentsHint: {
    da: 'Op til 5 filer på højst 10 MB hver: PDF, billeder eller Office-dokumenter.',
    en: 'Up to 5 files of at most 10 MB each: PDF, images or Office documents.',
  },
  honeypot: { da: 'Lad dette felt være tomt', en: 'Leave this field empty' },
  send: { da: 'Send', en: 'Send' },
  required: { da: 'skal udfyldes', en: 'required' },
  errorSummaryTitle: { da: 'Der er et problem', en: 'There is a problem' },
  thanksTitle: { da: 'Tak – vi har modtaget din henvendelse', en: 'Thank you – we have received your enquiry' },
  yourReference: { da: 'Dit sagsnummer', en: 'Your reference' },
  statusLinkIntro: {
    da: 'Gem dette link. Her kan du følge sagen, læse vores svar og sende mere. Linket er personligt – del det ikke.',
    en: 'Keep this link. There you can follow the case, read our replies and send more. The link is personal – do not share it.',
  },
  statusTitle: { da: 'Din sag', en: 'Your case' },
  status: { da: 'Status', en: 'Status' },
  received: { da: 'Modtaget', en: 'Received' },
  conversation: { da: 'Beskeder', en: 'Messages' },
  fromYou: { da: 'Fra dig', en: 'From you' },
  fromUs: { da: 'Fra kommunen', en: 'From the municipality' },
  followUpTitle: { da: 'Send mere til sagen', en: 'Add to your case' },
  followUpSent: { da: 'Tak. Din besked er lagt på sagen.', en: 'Thank you. Your message has been added to the case.' },
  closedNotice: { da: 'Sagen er lukket. Skriv en ny henvendelse, hvis du har brug for mere hjælp.', en: 'The case is closed. Send a new enquiry if you need more help.' },
  newEnquiry: { da: 'Skriv en ny henvendelse', en: 'Send a new enquiry' },
  notFoundTitle: { da: 'Linket virker ikke', en: 'This link does not work' },
  tooManyTitle: { da: 'For mange henvendelser', en: 'Too many submissions' },
  attachmentWord: { da: 'Vedhæftet', en: 'Attached' },
} satisfies Record<string, { da: string; en: string }>;

export type TextKey = keyof typeof TEXTS;

export const text = (language: Language, key: TextKey): string => TEXTS[key][language];

export const STATUS_LABELS: Record<string, { da: string; en: string }> = {
  new: { da: 'Modtaget', en: 'Received' },
  queued: { da: 'Venter på en medarbejder', en: 'Waiting for a member of staff' },
  offered: { da: 'Venter på en medarbejder', en: 'Waiting for a member of staff' },
  assigned: { da: 'En medarbejder arbejder på sagen', en: 'A member of staff is working on it' },
  waiting_on_citizen: { da: 'Vi venter på svar fra dig', en: 'We are waiting for your answer' },
  resolved: { da: 'Løst', en: 'Resolved' },
  closed: { da: 'Lukket', en: 'Closed' },
};
