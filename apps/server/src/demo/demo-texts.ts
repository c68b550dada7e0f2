import type { Language } from '@kontakt/core';

/**
 * What demo citizens write about, per seeded topic. Every first sentence stands on its own (an SMS
 * carries only that) and names the matter in words the default topic keywords know, so intake
 * classifies the demo the way it would classify real mail. `{adresse}` becomes the citizen's street.
 */
export const DEMO_TOPICS = [
  'generelt', 'affald', 'veje', 'parkering', 'byggeri', 'skat-og-ejendom', 'pas-og-koerekort', 'ydelser', 'aeldre-og-pleje', 'boern-og-skole',
] as const;
export type DemoTopic = (typeof DEMO_TOPICS)[number];

export interface DemoRequest {
  subject: string;
  body: string;
}

/** How often each topic comes up, roughly as a contact centre of this size sees it. */
export const TOPIC_WEIGHTS: Record<DemoTopic, number> = {
  generelt: 5, affald: 16, veje: 12, parkering: 8, byggeri: 9, 'skat-og-ejendom': 8, 'pas-og-koerekort': 14, ydelser: 10, 'aeldre-og-pleje': 9, 'boern-og-skole': 9,
};

export const REQUESTS: Record<DemoTopic, Record<Language, DemoRequest[]>> = {
  generelt: {
    da: [
      { subject: 'Åbningstider i Borgerservice', body: 'Hvornår har Borgerservice i Skanderborg åbent i næste uge? Jeg kan kun komme efter arbejde og vil gerne vide, om I har åbent til sent om torsdagen.' },
      { subject: 'Vi flytter til kommunen', body: 'Vi flytter til Skanderborg Kommune den 1. i næste måned. Hvad skal vi huske at melde til kommunen, og kan det klares digitalt?' },
      { subject: 'Hjælp til MitID', body: 'Jeg kan ikke komme på MitID efter at have fået ny telefon. Kan I hjælpe mig med at aktivere appen igen, hvis jeg kommer forbi?' },
      { subject: 'Tak for god hjælp', body: 'Jeg vil gerne sige tak for venlig og grundig hjælp, da jeg var forbi i sidste uge. Det var rart at blive mødt så imødekommende.' },
    ],
    en: [
      { subject: 'Opening hours', body: 'Could you tell me the opening hours of the citizen service centre in Skanderborg? I would like to come in on a Thursday afternoon if that is possible.' },
    ],
  },
  affald: {
    da: [
      { subject: 'Storskrald er ikke hentet', body: 'Vores storskrald blev ikke hentet i går, selvom det var tilmeldt og stod ude fra morgenstunden. Det drejer sig om en gammel sofa og to reoler ved {adresse}.' },
      { subject: 'Ny affaldsspand til madaffald', body: 'Vores affaldsspand til madaffald er revnet i bunden. Kan vi få en ny leveret til {adresse}?' },
      { subject: 'Restaffald ikke tømt', body: 'Restaffaldet er ikke blevet tømt i tre uger ved {adresse}. Naboerne har samme problem, og det begynder at lugte.' },
      { subject: 'Genbrugspladsen i Ry', body: 'Hvornår har genbrugspladsen i Ry åbent i weekenden? Jeg vil også gerne vide, om man må aflevere trykimprægneret træ.' },
      { subject: 'Container til haveaffald', body: 'Kan man leje en container til haveaffald gennem kommunen? Vi skal fælde en hæk ved {adresse} og får mange grene.' },
    ],
    en: [
      { subject: 'Bin collection missed', body: 'The bin collection at {adresse} was missed this week and the bin is full. Could you please send the garbage truck again?' },
    ],
  },
  veje: {
    da: [
      { subject: 'Hul i vejen', body: 'Der er et stort hul i vejen ud for {adresse}. Det er farligt for cyklister, og jeg så en dreng vælte i morges.' },
      { subject: 'Gadelys virker ikke', body: 'Gadelyset ved {adresse} har været slukket i over en uge. Det er meget mørkt om morgenen, når folk går til bussen.' },
      { subject: 'Snerydning på cykelstien', body: 'Cykelstien langs Vroldvej bliver ikke ryddet for sne og is. Hvornår kommer snerydningen, og bliver der saltet?' },
      { subject: 'Ødelagt fortov', body: 'Fortovet foran {adresse} er løftet af trærødder, og flere er snublet over kanten. Kan I udbedre fortovet?' },
    ],
    en: [
      { subject: 'Pothole outside our house', body: 'There is a large pothole in the road outside {adresse}. Please can someone fix it before somebody gets hurt?' },
    ],
  },
  parkering: {
    da: [
      { subject: 'Parkeringstilladelse til beboer', body: 'Jeg er flyttet til {adresse} og vil gerne søge om parkeringstilladelse til min bil. Hvordan gør jeg det?' },
      { subject: 'Klage over parkeringsbøde', body: 'Jeg har fået en parkeringsbøde på Adelgade, men p-skiven var stillet korrekt. Jeg har billeder af bilen og vil gerne klage.' },
      { subject: 'Ulovlig parkering ved indkørsel', body: 'Der holder dagligt biler i ulovlig parkering foran vores indkørsel ved {adresse}. Kan parkeringskontrollen komme forbi?' },
      { subject: 'Handicapparkering', body: 'Min far har fået et parkeringskort til handicappede. Kan der laves en handicapparkering foran hans opgang på {adresse}?' },
    ],
    en: [
      { subject: 'Parking permit', body: 'How do I apply for a parking permit for my car? I have just moved to {adresse}.' },
    ],
  },
  byggeri: {
    da: [
      { subject: 'Byggetilladelse til carport', body: 'Vi vil gerne bygge en carport på 30 m² ved siden af huset på {adresse}. Skal vi søge byggetilladelse, og hvor lang er sagsbehandlingstiden?' },
      { subject: 'Status på byggesag', body: 'Vi søgte om en tilbygning for seks uger siden og har ikke hørt noget. Hvornår kan vi forvente svar på vores byggesag?' },
      { subject: 'Lokalplan for nabogrunden', body: 'Hvad siger lokalplanen om byggehøjden på grunden ved siden af os? Der bliver bygget et højt hus, som tager vores udsigt.' },
      { subject: 'Bemærkninger til naboorientering', body: 'Vi har fået en naboorientering om en tilbygning tæt på {adresse}. Hvordan sender vi bemærkninger til byggesagen, og hvad er fristen?' },
    ],
    en: [
      { subject: 'Building permit for an extension', body: 'We are planning an extension to our house at {adresse} and would like to know if we need a building permit. How long does it take?' },
    ],
  },
  'skat-og-ejendom': {
    da: [
      { subject: 'Spørgsmål til ejendomsskat', body: 'Min ejendomsskat er steget meget i år. Kan I forklare, hvordan grundskylden er beregnet for {adresse}?' },
      { subject: 'Betaling af ejendomsskat', body: 'Jeg kan ikke finde opkrævningen af første rate af ejendomsskatten. Kan I sende den igen, eller kan jeg betale via netbank?' },
      { subject: 'Uenig i ejendomsvurdering', body: 'Jeg er uenig i den nye ejendomsvurdering af vores hus på {adresse}. Kan kommunen hjælpe, eller skal jeg klage til Vurderingsstyrelsen?' },
      { subject: 'Lån til grundskyld', body: 'Jeg har svært ved at betale grundskylden i år. Kan jeg få lån til grundskyld hos kommunen, og hvordan søger jeg?' },
    ],
    en: [
      { subject: 'Property tax bill', body: 'I have received a property tax bill for my flat at {adresse}. Can you explain the amount and when I have to pay it?' },
    ],
  },
  'pas-og-koerekort': {
    da: [
      { subject: 'Fornyelse af pas', body: 'Mit pas udløber om to måneder, og vi skal til Thailand i vinterferien. Skal jeg bestille tid i Borgerservice for at forny det?' },
      { subject: 'Udløbet kørekort', body: 'Mit kørekort er udløbet. Hvad skal jeg medbringe for at få et nyt, og skal jeg have en lægeerklæring?' },
      { subject: 'Pas til vores baby', body: 'Vi skal have lavet pas til vores datter på fire måneder. Skal vi begge møde op, og skal hun have et foto med?' },
      { subject: 'Mistet sundhedskort', body: 'Jeg har mistet mit gule sundhedskort. Hvordan bestiller jeg et nyt, og kan jeg bruge appen i mellemtiden?' },
      { subject: 'Afhentning af pas', body: 'Jeg har fået besked om, at mit nye pas er klar. Kan en anden hente det for mig, hvis jeg giver en fuldmagt?' },
    ],
    en: [
      { subject: 'Passport renewal', body: 'My Danish passport expires next month. Can I book an appointment to renew it, and what do I need to bring?' },
    ],
  },
  ydelser: {
    da: [
      { subject: 'Ansøgning om folkepension', body: 'Jeg fylder 67 til foråret og skal snart søge folkepension. Hvornår skal jeg søge, og skal jeg selv gøre noget i forhold til ATP?' },
      { subject: 'Boligstøtte efter skilsmisse', body: 'Kan jeg søge boligstøtte, nu hvor jeg er blevet skilt og bor alene på {adresse}? Hvor lang tid tager det at få svar?' },
      { subject: 'Sygedagpenge fra kommunen', body: 'Jeg har været sygemeldt i fem uger, og min arbejdsgiver siger, at kommunen skal udbetale sygedagpenge. Hvad skal jeg gøre?' },
      { subject: 'Kontanthjælp ikke udbetalt', body: 'Min kontanthjælp er ikke gået ind på kontoen i dag. Det haster, for huslejen skal betales i morgen.' },
    ],
    en: [
      { subject: 'Housing benefit', body: 'Can I apply for housing benefit as a student renting a room at {adresse}? How do I do it?' },
    ],
  },
  'aeldre-og-pleje': {
    da: [
      { subject: 'Hjemmehjælp til min mor', body: 'Min mor på 84 år har brug for hjemmehjælp, fordi hun ikke længere kan klare rengøring og indkøb. Hvordan søger vi, og kan I komme på besøg på {adresse}?' },
      { subject: 'Hjemmehjælpen kom ikke', body: 'Hjemmehjælpen kom ikke i morges, og min far har ikke fået sin medicin. Det haster, kan I ringe til mig?' },
      { subject: 'Madservice efter indlæggelse', body: 'Kan min far på {adresse} få madservice? Han er lige kommet hjem fra sygehuset og kan ikke selv lave mad.' },
      { subject: 'Plads på plejehjem', body: 'Min mor har fået tilbudt en plads på plejehjem i Skanderborg. Kan hun komme på venteliste til et plejehjem tættere på Ry?' },
      { subject: 'Ny rollator', body: 'Min rollator er gået i stykker, og jeg kan ikke gå uden den. Kan jeg låne en ny rollator af kommunen?' },
    ],
    en: [
      { subject: 'Home care for my father', body: 'How do we apply for home care for my father? He lives alone at {adresse} and needs help with cleaning and shopping.' },
    ],
  },
  'boern-og-skole': {
    da: [
      { subject: 'Skoleplads til vores søn', body: 'Hvordan søger vi om skoleplads til vores søn, der skal begynde i tredje klasse? Vi flytter til {adresse} efter jul.' },
      { subject: 'Plads i vuggestue', body: 'Vores datter skal starte i vuggestue, når hun er ti måneder. Hvornår skal vi skrive hende op, og kan vi ønske en bestemt vuggestue?' },
      { subject: 'Forsinket skolebus', body: 'Skolebussen til Stilling Skole har været forsinket flere gange i denne uge. Hvem kan vi tale med om det?' },
      { subject: 'Friplads i SFO', body: 'Vi har en lav indkomst og vil gerne søge om friplads i SFO til vores to børn. Hvilken dokumentation skal vi sende?' },
    ],
    en: [
      { subject: 'School place for our children', body: 'How do we apply for a school place for our two children? We are moving to Skanderborg from the UK.' },
    ],
  },
};

/** What a citizen writes when they come back to a case that is still open. */
export const FOLLOW_UPS: Record<Language, string[]> = {
  da: [
    'Jeg har ikke hørt fra jer endnu angående min henvendelse. Kan I give mig en status?',
    'Jeg rykker for svar på min henvendelse fra sidste uge. Det er vigtigt for os at få en afklaring.',
    'Hermed de oplysninger, I bad om. Sig endelig til, hvis der mangler noget.',
    'Tak for svaret. Jeg har et opfølgende spørgsmål: Hvor lang tid går der, før jeg hører fra jer igen?',
    'Jeg ringede i går og fik at vide, at sagen stadig ligger til behandling. Hvornår kan jeg forvente svar?',
  ],
  en: [
    'I have not heard back about my enquiry yet. Could you please give me an update?',
    'Thank you. Here is the information you asked for. Please let me know if anything else is needed.',
  ],
};

/** How each channel frames a citizen's words, in the citizen's language. */
export const FRAMING: Record<Language, {
  greeting: string; signOff: string; replyPrefix: string; call: string; callNote: string; counter: string; counterNote: string; followUp: string; caseWord: string;
}> = {
  da: {
    greeting: 'Hej', signOff: 'Venlig hilsen', replyPrefix: 'SV:', call: 'Telefonopkald', callNote: 'Notat fra telefonopkald:',
    counter: 'Personligt fremmøde', counterNote: 'Borgeren henvendte sig i Borgerservice og fortalte:', followUp: 'Opfølgning på', caseWord: 'sag',
  },
  en: {
    greeting: 'Hello', signOff: 'Kind regards', replyPrefix: 'Re:', call: 'Phone call', callNote: 'Call note:',
    counter: 'Visit in person', counterNote: 'The citizen came to the service centre and said:', followUp: 'Follow-up on', caseWord: 'case',
  },
};

/** What staff ask for and answer per topic; replies go out on the web form, other channels get a case note. */
export const STAFF_TEXTS: Record<DemoTopic, { need: string; answer: string }> = {
  generelt: { need: 'lidt flere oplysninger om, hvad du ønsker hjælp til', answer: 'Borgerservice har åbent mandag til fredag kl. 10–15 og torsdag til kl. 17.30, og meget kan også klares på borger.dk.' },
  affald: { need: 'den præcise adresse og gerne et billede', answer: 'Vi har givet renovatøren besked, og du kan læse om tømning, storskrald og genbrugspladser på kommunens hjemmeside.' },
  veje: { need: 'en mere præcis beskrivelse af stedet, gerne med et billede', answer: 'Vej og Park har set på stedet, og opgaven er sat i gang.' },
  parkering: { need: 'bilens registreringsnummer og dokumentation for din adresse', answer: 'Din henvendelse er behandlet, og du får et skriftligt svar i Digital Post.' },
  byggeri: { need: 'ejendommens matrikelnummer og eventuelle tegninger af byggeriet', answer: 'En byggesagsbehandler har gennemgået sagen, og du får et skriftligt svar i Digital Post.' },
  'skat-og-ejendom': { need: 'ejendommens BFE-nummer', answer: 'Vi har gennemgået opkrævningen for din ejendom og sendt en forklaring til dig i Digital Post.' },
  'pas-og-koerekort': { need: 'den dato, du helst vil komme', answer: 'Vi har booket en tid til dig i Borgerservice. Husk billedlegitimation og eventuelt et godkendt foto.' },
  ydelser: { need: 'dokumentation for din indkomst og din boligudgift', answer: 'Din henvendelse er behandlet, og du modtager et skriftligt svar i Digital Post inden for få dage.' },
  'aeldre-og-pleje': { need: 'et telefonnummer, hvor visitator kan træffe jer', answer: 'En visitator har talt med jer, og vi har aftalt det videre forløb.' },
  'boern-og-skole': { need: 'barnets navn og fødselsdato', answer: 'Vi har registreret jeres henvendelse og givet den videre til rette afdeling. I får svar i Digital Post.' },
};

export const STAFF_TEXTS_EN = {
  need: 'a few more details about your situation',
  answer: 'We have looked into your enquiry and dealt with it. You will receive a written answer in your Digital Post.',
};

/** How a staff reply or case note is worded around the topic texts above. */
export const STAFF_FRAMING: Record<Language, { dear: string; askReply: string; askNote: string; answerReply: string; answerNote: string; signOff: string }> = {
  da: {
    dear: 'Kære', askReply: 'Tak for din henvendelse. For at kunne hjælpe dig skal vi bruge', askNote: 'Kontaktet borgeren og bedt om',
    answerReply: 'Tak for din henvendelse.', answerNote: 'Borgeren har fået svar:', signOff: 'Venlig hilsen',
  },
  en: {
    dear: 'Dear', askReply: 'Thank you for contacting us. To help you, we need', askNote: 'Contacted the citizen and asked for',
    answerReply: 'Thank you for contacting us.', answerNote: 'The citizen has been told:', signOff: 'Kind regards',
  },
};
