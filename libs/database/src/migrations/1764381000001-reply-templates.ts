import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reply templates staff pick in the composer, in Danish and English, seeded with the three the app shipped with. */
export class ReplyTemplates1764381000001 implements MigrationInterface {
  name = 'ReplyTemplates1764381000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reply_templates (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name_da    text NOT NULL CHECK (length(name_da) BETWEEN 1 AND 120),
        name_en    text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
        body_da    text NOT NULL CHECK (length(body_da) BETWEEN 1 AND 10000),
        body_en    text NOT NULL CHECK (length(body_en) BETWEEN 1 AND 10000),
        position   integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX reply_templates_name_da ON reply_templates (lower(name_da));
    `);
    await db.query(
      `INSERT INTO reply_templates (name_da, name_en, body_da, body_en, position) VALUES
       ($1, $2, $3, $4, 1), ($5, $6, $7, $8, 2), ($9, $10, $11, $12, 3)`,
      [
        'Kvittering', 'Acknowledgement',
        'Kære {navn}\n\nTak for din henvendelse om "{emne}". Vi behandler den under sagsnummer {sag}.\n\nVenlig hilsen\n{medarbejder}',
        'Dear {navn}\n\nThank you for your enquiry about "{emne}". We are handling it as case {sag}.\n\nKind regards\n{medarbejder}',
        'Brug for flere oplysninger', 'Need more information',
        'Kære {navn}\n\nFor at kunne hjælpe dig med sag {sag} har vi brug for flere oplysninger. Vil du svare på denne besked?\n\nVenlig hilsen\n{medarbejder}',
        'Dear {navn}\n\nTo help you with case {sag} we need some more information. Could you reply to this message?\n\nKind regards\n{medarbejder}',
        'Sagen er løst', 'Case resolved',
        'Kære {navn}\n\nVi har nu afsluttet sag {sag}. Skriv endelig igen, hvis der er mere, vi kan hjælpe med.\n\nVenlig hilsen\n{medarbejder}',
        'Dear {navn}\n\nWe have now resolved case {sag}. Please write again if there is anything more we can help with.\n\nKind regards\n{medarbejder}',
      ],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE reply_templates');
  }
}
