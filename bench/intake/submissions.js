'use strict';
/**
 * Web-form submissions for the intake benchmark: every one unique, in Danish, about a topic the
 * default classifier knows (storskrald, parkering, pension, …), so each request walks the full
 * intake path. A share of them (REUSE_SHARE) comes from a fixed pool of returning citizens, so the
 * citizen lookup both creates new citizens and finds existing ones, as in a real municipality.
 *
 * Each submission carries the JSON `body` the web form receives and the normalised `identities`
 * and `topicSlug` the database ceiling loop needs to issue the same statements without the server.
 */

const REUSE_SHARE = 0.2;
const RETURNING_CITIZENS = 1000;

const FIRST_NAMES = ['Mette', 'Søren', 'Anne', 'Jens', 'Kirsten', 'Lars', 'Hanne', 'Mads', 'Birgit', 'Rasmus', 'Sofie', 'Niels', 'Ida', 'Bjørn', 'Freja', 'Ole', 'Karen', 'Mikkel', 'Åse', 'Emil'];
const LAST_NAMES = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Madsen', 'Kristensen', 'Østergaard', 'Bæk', 'Lund'];
const DOMAINS = ['mail.dk', 'gmail.com', 'hotmail.dk', 'outlook.dk', 'jubii.dk', 'live.dk'];
const STREETS = ['Adelgade', 'Banegårdsvej', 'Skovvej', 'Søtorvet', 'Vestergade', 'Østergade', 'Møllevej', 'Kirkebakken', 'Fælledvej', 'Ryesgade'];
const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag'];

/** [topic slug the keywords point to, subject, message template]; {street}, {no}, {day}, {n} are filled per submission. */
const ENQUIRIES = [
  ['affald', 'Storskrald blev ikke hentet', 'Hej. Vores storskrald på {street} {no} blev ikke hentet {day}, selvom det stod klar ved vejen fra kl. 6. Kan I fortælle, hvornår der kommer en ny afhentning? Det drejer sig om en sofa og to reoler. Sag {n}.'],
  ['affald', 'Spørgsmål om affaldsspand', 'Hej. Vi er flyttet ind på {street} {no}, og der står ingen affaldsspand til madaffald. Hvordan bestiller vi en, og hvornår er der tømning på vores vej? Venlig hilsen, henvendelse {n}.'],
  ['parkering', 'Parkeringsbøde', 'Jeg fik en parkeringsbøde {day} på {street} ud for nr. {no}, men jeg har en gyldig parkeringstilladelse til området. Jeg vil gerne klage over afgiften. Reference {n}.'],
  ['parkering', 'Parkeringstilladelse til beboere', 'Hej. Hvordan søger jeg om parkeringstilladelse som beboer på {street} {no}? Vi har fået ny bil og skal have licensen flyttet. Tak på forhånd ({n}).'],
  ['ydelser', 'Spørgsmål om pension', 'Jeg fylder 67 til foråret og vil gerne vide, hvordan jeg søger folkepension, og om min boligstøtte ændrer sig, når jeg går på pension. Jeg bor på {street} {no}. Henvendelse {n}.'],
  ['ydelser', 'Førtidspension - status', 'Hej. Jeg søgte om førtidspension for nogle måneder siden og har ikke hørt noget. Kan I oplyse, hvor langt sagen er? Jeg kan træffes {day} formiddag. Nr. {n}.'],
  ['veje', 'Hul i vejen', 'Der er et stort hul i vejen ud for {street} {no}, og cyklister må køre ud på kørebanen for at undgå det. Vejbelysningen er også gået ud. Kan I sende nogen ud? ({n})'],
  ['boern-og-skole', 'Plads i børnehave', 'Hej. Vi flytter til {street} {no} og har brug for en plads i børnehave til vores datter fra næste måned. Hvordan skriver vi hende op hos pladsanvisningen? Henvendelse {n}.'],
  ['byggeri', 'Byggetilladelse til carport', 'Vi vil bygge en carport på 30 m2 ved vores hus på {street} {no}. Skal vi søge byggetilladelse, og hvad siger lokalplanen om placering mod skel? Sag {n}.'],
  ['aeldre-og-pleje', 'Hjemmehjælp til min mor', 'Min mor på {street} {no} har brug for mere hjemmehjælp efter et fald {day}. Hvordan søger vi, og kan hun få en rollator som hjælpemiddel? Med venlig hilsen, henvendelse {n}.'],
  ['pas-og-koerekort', 'Fornyelse af pas', 'Hej. Mit pas udløber om en måned, og jeg skal rejse til sommer. Skal jeg bestille tid i Borgerservice, og kan jeg samtidig forny mit kørekort? ({n})'],
  ['skat-og-ejendom', 'Ejendomsskat', 'Jeg har fået en ny ejendomsvurdering for {street} {no}, og grundskylden er steget meget. Hvordan klager jeg, og hvornår skal jeg betale? Reference {n}.'],
];

const ascii = (text) => text.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
const pick = (list, i) => list[i % list.length];

/** A Danish mobile number in a range libphonenumber accepts in full: national form for the form, E.164 for the database. */
function phoneOf(prefix, serial) {
  const digits = String(prefix * 1_000_000 + (serial % 1_000_000));
  return { national: digits.replace(/(\d\d)(?=\d)/g, '$1 '), e164: `+45${digits}` };
}

/** The sender of the i-th new citizen, or of returning citizen i (prefix 28 keeps their phones apart). */
function senderOf(serial, returning) {
  const first = pick(FIRST_NAMES, serial * 7 + (returning ? 3 : 0));
  const last = pick(LAST_NAMES, serial * 13 + 5);
  const tag = returning ? `r${serial}` : `n${serial}`;
  const email = `${ascii(first)}.${ascii(last)}.${tag}@${pick(DOMAINS, serial)}`;
  const phone = serial % 2 === 0 ? phoneOf(returning ? 28 : 26, serial) : undefined;
  return { name: `${first} ${last}`, email, phone };
}

/**
 * An endless stream of submissions; `runTag` makes new citizens' emails unique across runs that
 * share a database. Deterministic given the seed, so two runs send comparable traffic.
 */
function createSubmissionStream({ runTag = Date.now().toString(36), seed = 1 } = {}) {
  let serial = 0;
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state / 0x1_0000_0000;
  };

  return {
    next() {
      const n = serial++;
      const returning = random() < REUSE_SHARE;
      const sender = returning ? senderOf(Math.floor(random() * RETURNING_CITIZENS), true) : senderOf(n, false);
      const email = returning ? sender.email : sender.email.replace('@', `.${runTag}@`);
      const [topicSlug, subject, template] = pick(ENQUIRIES, Math.floor(random() * ENQUIRIES.length));
      const message = template
        .replace('{street}', pick(STREETS, n))
        .replace('{no}', String(1 + (n % 97)))
        .replace('{day}', pick(WEEKDAYS, n))
        .replace('{n}', `${runTag}-${n}`);
      const body = { name: sender.name, email, subject, message };
      if (sender.phone) body.phone = sender.phone.national;
      const identities = [{ kind: 'email', value: email }];
      if (sender.phone) identities.push({ kind: 'phone', value: sender.phone.e164 });
      return { body, identities, topicSlug, returning };
    },
    get count() {
      return serial;
    },
  };
}

module.exports = { createSubmissionStream, REUSE_SHARE };
