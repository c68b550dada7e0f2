import { Injectable } from '@nestjs/common';
import { conflict, invalid, isUniqueViolation, notFound } from '@kontakt/core';
import { TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from './placeholders';
import type { ReplyTemplateDto } from './reply-templates.dto';
import { ReplyTemplateInput, ReplyTemplateRow, ReplyTemplatesRepository } from './reply-templates.repository';

const view = (r: ReplyTemplateRow) => ({
  id: r.id, name: { da: r.name_da, en: r.name_en }, body: { da: r.body_da, en: r.body_en }, position: r.position, updatedAt: r.updated_at,
});

/** The reply templates every member of staff picks from; supervisors and admins keep them. */
@Injectable()
export class ReplyTemplatesService {
  constructor(private readonly templates: ReplyTemplatesRepository) {}

  async list() {
    return {
      placeholders: Object.entries(TEMPLATE_PLACEHOLDERS).map(([name, meaning]) => ({ name, meaning })),
      items: (await this.templates.all()).map(view),
    };
  }

  async create(dto: ReplyTemplateDto) {
    const row = await this.saving(() => this.templates.insert(this.input(dto)));
    return view(row!);
  }

  async update(id: string, dto: ReplyTemplateDto) {
    const row = await this.saving(() => this.templates.update(id, this.input(dto)));
    if (!row) throw notFound(`Reply template ${id}`);
    return view(row);
  }

  async remove(id: string) {
    if (!(await this.templates.remove(id))) throw notFound(`Reply template ${id}`);
  }

  private input(dto: ReplyTemplateDto): ReplyTemplateInput {
    const unknown = unknownPlaceholders(`${dto.bodyDa}\n${dto.bodyEn}`);
    if (unknown.length > 0) {
      const known = Object.keys(TEMPLATE_PLACEHOLDERS).map((p) => `{${p}}`).join(', ');
      throw invalid(`Unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')}; a template may use ${known}`);
    }
    return { nameDa: dto.nameDa.trim(), nameEn: dto.nameEn.trim(), bodyDa: dto.bodyDa, bodyEn: dto.bodyEn, position: dto.position ?? 0 };
  }

  private async saving<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, 'reply_templates_name_da')) throw conflict('A reply template with this Danish name already exists');
      throw error;
    }
  }
}
