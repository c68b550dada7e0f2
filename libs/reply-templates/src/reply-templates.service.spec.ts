import { DomainError } from '@kontakt/core';
import type { ReplyTemplateDto } from './reply-templates.dto';
import { ReplyTemplateInput, ReplyTemplateRow, ReplyTemplatesRepository } from './reply-templates.repository';
import { ReplyTemplatesService } from './reply-templates.service';

const dto: ReplyTemplateDto = { nameDa: ' Kvittering ', nameEn: 'Acknowledgement', bodyDa: 'Kære {navn}, sag {sag}', bodyEn: 'Dear {navn}, case {sag}' };
const row = (input: ReplyTemplateInput): ReplyTemplateRow => ({
  id: '6f1c2d3e-0000-4000-8000-000000000001', name_da: input.nameDa, name_en: input.nameEn, body_da: input.bodyDa, body_en: input.bodyEn,
  position: input.position, updated_at: new Date('2026-12-02T06:00:00Z'),
});

function serviceWith(insert: (input: ReplyTemplateInput) => Promise<ReplyTemplateRow | undefined>) {
  const written: ReplyTemplateInput[] = [];
  const repository: Pick<ReplyTemplatesRepository, 'insert'> = {
    insert: (input) => {
      written.push(input);
      return insert(input);
    },
  };
  return { service: new ReplyTemplatesService(repository as ReplyTemplatesRepository), written };
}

describe('ReplyTemplatesService', () => {
  it('saves a template with trimmed names and position 0 by default', async () => {
    const { service, written } = serviceWith(async (input) => row(input));
    const saved = await service.create(dto);
    expect(written).toEqual([{ nameDa: 'Kvittering', nameEn: 'Acknowledgement', bodyDa: dto.bodyDa, bodyEn: dto.bodyEn, position: 0 }]);
    expect(saved).toMatchObject({ name: { da: 'Kvittering', en: 'Acknowledgement' }, body: { da: dto.bodyDa }, position: 0 });
  });

  it('refuses an unknown placeholder in either language before writing anything', async () => {
    const { service, written } = serviceWith(async (input) => row(input));
    await expect(service.create({ ...dto, bodyEn: 'Dear {name}' })).rejects.toThrow('Unknown placeholder {name}; a template may use {navn}, {sag}, {emne}, {medarbejder}');
    expect(written).toEqual([]);
  });

  it('answers a taken Danish name as a conflict', async () => {
    const taken = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'reply_templates_name_da' });
    const { service } = serviceWith(async () => Promise.reject(taken));
    const error = await service.create(dto).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'conflict', message: 'A reply template with this Danish name already exists' });
  });
});
