import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A municipality's usual queues and topics with Danish and English keywords, so intake classifies
 * from the first contact. Admins edit them through the topics API afterwards.
 */
const QUEUES: [slug: string, da: string, en: string, slaMinutes: number][] = [
  ['borgerservice', 'Borgerservice', 'Citizen service', 2880],
  ['teknik-og-miljoe', 'Teknik og miljø', 'Technical and environment', 4320],
  ['social-og-sundhed', 'Social og sundhed', 'Social and health', 1440],
  ['boern-og-unge', 'Børn og unge', 'Children and young people', 2880],
];

const TOPICS: [slug: string, da: string, en: string, queue: string, priority: number, keywords: string[]][] = [
  ['generelt', 'Generelt', 'General', 'borgerservice', 2, []],
  ['affald', 'Affald og genbrug', 'Waste and recycling', 'teknik-og-miljoe', 2,
    ['affald', 'skrald', 'storskrald', 'genbrug', 'container', 'tømning', 'renovation', 'affaldsspand', 'waste', 'garbage', 'recycling', 'bin collection']],
  ['veje', 'Veje og fortove', 'Roads and pavements', 'teknik-og-miljoe', 2,
    ['vej', 'fortov', 'hul i vejen', 'snerydning', 'saltning', 'vejbelysning', 'gadelys', 'cykelsti', 'road', 'pothole', 'street light', 'pavement', 'snow']],
  ['parkering', 'Parkering', 'Parking', 'teknik-og-miljoe', 2,
    ['parkering', 'p-afgift', 'parkeringsbøde', 'parkeringstilladelse', 'p-licens', 'parking', 'parking fine', 'parking permit']],
  ['byggeri', 'Byggeri', 'Building permits', 'teknik-og-miljoe', 2,
    ['byggetilladelse', 'byggesag', 'tilbygning', 'carport', 'lokalplan', 'building permit', 'extension', 'planning permission']],
  ['skat-og-ejendom', 'Skat og ejendom', 'Property tax', 'borgerservice', 2,
    ['ejendomsskat', 'grundskyld', 'ejendomsvurdering', 'skat', 'restskat', 'property tax', 'council tax']],
  ['pas-og-koerekort', 'Pas og kørekort', 'Passport and driving licence', 'borgerservice', 2,
    ['pas', 'kørekort', 'sygesikringskort', 'sundhedskort', 'passport', 'driving licence', 'health card']],
  ['ydelser', 'Pension og ydelser', 'Pensions and benefits', 'social-og-sundhed', 3,
    ['pension', 'folkepension', 'kontanthjælp', 'ydelse', 'sygedagpenge', 'boligstøtte', 'førtidspension', 'benefit', 'benefits', 'sick pay', 'housing benefit']],
  ['aeldre-og-pleje', 'Ældre og pleje', 'Elderly care', 'social-og-sundhed', 3,
    ['hjemmehjælp', 'plejehjem', 'ældre', 'hjælpemiddel', 'rollator', 'madservice', 'home care', 'care home', 'elderly']],
  ['boern-og-skole', 'Børn og skole', 'Children and school', 'boern-og-unge', 2,
    ['skole', 'daginstitution', 'vuggestue', 'børnehave', 'dagpleje', 'sfo', 'pladsanvisning', 'skolebus', 'school', 'nursery', 'kindergarten', 'childcare']],
];

export class DefaultTopics1764300000001 implements MigrationInterface {
  name = 'DefaultTopics1764300000001';

  async up(db: QueryRunner): Promise<void> {
    for (const [slug, da, en, sla] of QUEUES) {
      await db.query('INSERT INTO queues (slug, name_da, name_en, sla_minutes) VALUES ($1, $2, $3, $4)', [slug, da, en, sla]);
    }
    for (const [index, [slug, da, en, queue, priority, keywords]] of TOPICS.entries()) {
      await db.query(
        `INSERT INTO topics (slug, name_da, name_en, queue_id, priority, keywords, is_default, position)
         SELECT $1, $2, $3, id, $5, $6, $7, $8 FROM queues WHERE slug = $4`,
        [slug, da, en, queue, priority, keywords, slug === 'generelt', index],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DELETE FROM topics; DELETE FROM queues;');
  }
}
