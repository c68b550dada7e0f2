import { Injectable } from '@nestjs/common';
import { Database } from '@kontakt/database';

export interface ReplyTemplateRow {
  id: string;
  name_da: string;
  name_en: string;
  body_da: string;
  body_en: string;
  position: number;
  updated_at: Date;
}

export interface ReplyTemplateInput {
  nameDa: string;
  nameEn: string;
  bodyDa: string;
  bodyEn: string;
  position: number;
}

const COLUMNS = 'id, name_da, name_en, body_da, body_en, position, updated_at';

@Injectable()
export class ReplyTemplatesRepository {
  constructor(private readonly db: Database) {}

  all(): Promise<ReplyTemplateRow[]> {
    return this.db.rows(`SELECT ${COLUMNS} FROM reply_templates ORDER BY position, name_da, id`);
  }

  byId(id: string): Promise<ReplyTemplateRow | undefined> {
    return this.db.one(`SELECT ${COLUMNS} FROM reply_templates WHERE id = $1`, [id]);
  }

  insert(t: ReplyTemplateInput): Promise<ReplyTemplateRow | undefined> {
    return this.db.one(
      `INSERT INTO reply_templates (name_da, name_en, body_da, body_en, position) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [t.nameDa, t.nameEn, t.bodyDa, t.bodyEn, t.position],
    );
  }

  update(id: string, t: ReplyTemplateInput): Promise<ReplyTemplateRow | undefined> {
    return this.db.one(
      `UPDATE reply_templates SET name_da = $2, name_en = $3, body_da = $4, body_en = $5, position = $6, updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, t.nameDa, t.nameEn, t.bodyDa, t.bodyEn, t.position],
    );
  }

  async remove(id: string): Promise<boolean> {
    return (await this.db.rows('DELETE FROM reply_templates WHERE id = $1 RETURNING id', [id])).length > 0;
  }
}
