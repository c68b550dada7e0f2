import type { CreateStaffUser } from '@kontakt/identity';
import type { DemoTopic } from './demo-texts';

/** The password of every demo staff user; the README gives it, so it is no secret. */
export const DEMO_PASSWORD = 'demo-password-2026';

/** Its existence means the demo has been seeded on this database. */
export const DEMO_MARKER_EMAIL = 'supervisor@demo.kontakt.dk';

type DemoStaffUser = Omit<CreateStaffUser, 'password'> & { skills: { topic: DemoTopic; level: number }[] };

/** Every topic has at least two agents, and one of them writes English. */
export const DEMO_STAFF: DemoStaffUser[] = [
  {
    email: DEMO_MARKER_EMAIL, name: 'Mette Lindholm', role: 'supervisor', languages: ['da', 'en'],
    skills: [{ topic: 'generelt', level: 4 }, { topic: 'aeldre-og-pleje', level: 3 }],
  },
  { email: 'manager@demo.kontakt.dk', name: 'Henrik Bach', role: 'manager', languages: ['da'], skills: [] },
  {
    email: 'sofie.kjaer@demo.kontakt.dk', name: 'Sofie Kjær', role: 'agent', languages: ['da', 'en'],
    skills: [{ topic: 'generelt', level: 4 }, { topic: 'pas-og-koerekort', level: 5 }, { topic: 'skat-og-ejendom', level: 3 }, { topic: 'ydelser', level: 3 }, { topic: 'boern-og-skole', level: 2 }],
    capacity: { email: 6, webform: 6, sms: 5, phone: 1, post: 3 },
  },
  {
    email: 'anders.oestergaard@demo.kontakt.dk', name: 'Anders Østergaard', role: 'agent', languages: ['da'],
    skills: [{ topic: 'affald', level: 5 }, { topic: 'veje', level: 5 }, { topic: 'parkering', level: 4 }, { topic: 'byggeri', level: 2 }, { topic: 'generelt', level: 2 }],
    capacity: { email: 5, webform: 5, sms: 5, phone: 1, post: 4 },
  },
  {
    email: 'fatima.hassan@demo.kontakt.dk', name: 'Fatima Hassan', role: 'agent', languages: ['da', 'en'],
    skills: [{ topic: 'ydelser', level: 5 }, { topic: 'aeldre-og-pleje', level: 4 }, { topic: 'boern-og-skole', level: 4 }, { topic: 'generelt', level: 3 }, { topic: 'pas-og-koerekort', level: 2 }],
    capacity: { email: 4, webform: 4, sms: 3, phone: 2, post: 2 },
  },
  {
    email: 'lars.mikkelsen@demo.kontakt.dk', name: 'Lars Mikkelsen', role: 'agent', languages: ['da', 'en'],
    skills: [
      { topic: 'byggeri', level: 5 }, { topic: 'skat-og-ejendom', level: 4 }, { topic: 'parkering', level: 3 }, { topic: 'veje', level: 2 }, { topic: 'affald', level: 2 },
      { topic: 'aeldre-og-pleje', level: 2 },
    ],
    capacity: { email: 5, webform: 5, sms: 4, phone: 1, post: 3 },
  },
];

export const DANISH_FIRST_NAMES = [
  'Anne', 'Mette', 'Hanne', 'Susanne', 'Lene', 'Camilla', 'Louise', 'Ida', 'Freja', 'Emma', 'Karen', 'Kirsten', 'Birgitte', 'Maja', 'Sara',
  'Peter', 'Jens', 'Lars', 'Søren', 'Niels', 'Michael', 'Henrik', 'Thomas', 'Rasmus', 'Mads', 'Mikkel', 'Frederik', 'Jesper', 'Ole', 'Kim',
  'Aisha', 'Mohammed', 'Zeynep', 'Ali', 'Jørgen', 'Inger', 'Bent', 'Grethe', 'Poul', 'Else',
];

export const DANISH_SURNAMES = [
  'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen',
  'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Lauridsen', 'Kjær',
  'Dahl', 'Holm', 'Bech', 'Skov', 'Lund', 'Frandsen', 'Yilmaz', 'Ahmadi',
];

/** Newcomers who write in English: expats, students, people working in Aarhus. */
export const ENGLISH_FIRST_NAMES = ['James', 'Emily', 'Oliver', 'Sarah', 'Daniel', 'Chloe', 'Tom', 'Priya', 'Marek', 'Julia', 'Lucas', 'Hannah'];
export const ENGLISH_SURNAMES = ['Wilson', 'Clarke', 'Smith', 'Thompson', 'Murphy', 'Evans', 'Harris', 'Sharma', 'Nowak', 'Schneider', 'Brown', 'Walsh'];

/** Streets of Skanderborg (8660) and Ry (8680); none of the names contains a topic keyword. */
export const STREETS: { street: string; postcode: string; city: string }[] = [
  ...['Adelgade', 'Vestergade', 'Mejlgade', 'Banegårdsgade', 'Grønnedalsvej', 'Skovvej', 'Ladegårdsvej', 'Anebjergvej', 'Vroldvej', 'Sølystvej',
    'Mølleholmvej', 'Kildegårdsvej', 'Døjsøvej', 'Højvangen', 'Dyrehaven', 'Stillingvej', 'Kirkevej', 'Danmarksvej']
    .map((street) => ({ street, postcode: '8660', city: 'Skanderborg' })),
  ...['Klostervej', 'Skanderborgvej', 'Søndergade', 'Kildevej', 'Emil Bachs Vænge', 'Birkebakken', 'Siimtoften', 'Knudsøvej', 'Bredgade', 'Tværgade']
    .map((street) => ({ street, postcode: '8680', city: 'Ry' })),
];

export const EMAIL_DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.dk', 'mail.dk', 'live.dk', 'yahoo.dk', 'youmail.dk', 'stofanet.dk'];

/** Danish mobile number ranges; every demo phone is a mobile, so it can also send SMS. */
export const MOBILE_PREFIXES = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '40', '41', '42', '50', '51', '52', '53', '60', '61', '71', '81', '91', '93'];
