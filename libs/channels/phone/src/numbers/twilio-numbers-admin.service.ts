import { Injectable } from '@nestjs/common';
import { conflict, invalid, isUniqueViolation, notFound } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { normalisePhone } from '@kontakt/citizens';
import { TopicsService } from '@kontakt/topics';
import type { TwilioNumberDto } from './twilio-numbers.dto';
import { TwilioNumberFields, TwilioNumberRow, TwilioNumbersRepository } from './twilio-numbers.repository';

const view = (row: TwilioNumberRow) => ({
  id: row.id, number: row.number, label: row.label, queue: row.queue_slug,
  kinds: [...(row.voice ? ['voice'] : []), ...(row.sms ? ['sms'] : [])], createdAt: row.created_at, updatedAt: row.updated_at,
});

/** Admins list, add, change and remove the municipality's Twilio numbers. */
@Injectable()
export class TwilioNumbersAdmin {
  constructor(private readonly db: Database, private readonly numbers: TwilioNumbersRepository, private readonly topics: TopicsService) {}

  async list() {
    return (await this.numbers.list(this.db)).map(view);
  }

  async create(input: TwilioNumberDto) {
    const fields = await this.fieldsOf(input);
    const id = await this.unique(fields.number, () => this.numbers.insert(this.db, fields));
    return view((await this.numbers.byId(this.db, id))!);
  }

  async update(id: string, input: TwilioNumberDto) {
    const fields = await this.fieldsOf(input);
    if (!(await this.unique(fields.number, () => this.numbers.update(this.db, id, fields)))) throw notFound(`Phone number ${id}`);
    return view((await this.numbers.byId(this.db, id))!);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.numbers.remove(this.db, id))) throw notFound(`Phone number ${id}`);
  }

  private async unique<T>(number: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, 'twilio_numbers_number')) throw conflict(`${number} is already listed`);
      throw error;
    }
  }

  /** A direct line's queue must exist and have an active topic, which calls and texts to it are filed under. */
  private async fieldsOf(input: TwilioNumberDto): Promise<TwilioNumberFields> {
    const number = normalisePhone(input.number);
    if (!number) throw invalid(`number ${input.number} is not a valid phone number; give it as +4570123456 or 70 12 34 56`);
    let queueId: string | null = null;
    if (input.queue) {
      queueId = (await this.numbers.queueIdBySlug(this.db, input.queue)) ?? null;
      if (!queueId) throw invalid(`queue ${input.queue} does not exist`);
      if (!(await this.topics.active()).some((t) => t.queueId === queueId)) throw invalid(`queue ${input.queue} has no active topic to file calls and texts under`);
    }
    return { number, label: input.label, queueId, voice: input.kinds.includes('voice'), sms: input.kinds.includes('sms') };
  }
}
