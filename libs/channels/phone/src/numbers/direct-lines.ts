import { Injectable, Logger } from '@nestjs/common';
import { Database } from '@kontakt/database';
import { normalisePhone } from '@kontakt/citizens';
import { classify, Topic, TopicsService } from '@kontakt/topics';
import { NumberKind, TwilioNumbersRepository } from './twilio-numbers.repository';

/**
 * A number listed with a queue is that queue's direct line: calls to it skip the topic menu and texts
 * to it open their cases there. Intake files a contact by topic (the topic gives the queue), so the
 * line picks one of the queue's active topics: by the text's keywords when there is a text, else the
 * queue's default topic, else its first.
 */
@Injectable()
export class DirectLines {
  private readonly logger = new Logger(DirectLines.name);

  constructor(private readonly db: Database, private readonly numbers: TwilioNumbersRepository, private readonly topics: TopicsService) {}

  /** The topic a call or text to `to` is filed under; undefined when `to` is no queue's direct line for this kind. */
  async topicFor(to: string | undefined, kind: NumberKind, text?: string): Promise<Topic | undefined> {
    const number = to && normalisePhone(to);
    const queueId = number && (await this.numbers.queueOf(this.db, number, kind));
    if (!queueId) return undefined;
    const inQueue = (await this.topics.active()).filter((t) => t.queueId === queueId);
    if (inQueue.length === 0) {
      this.logger.warn({ event: 'direct_line_without_topic', number, queueId });
      return undefined;
    }
    return classify(inQueue, { body: text ?? '' }).topic;
  }

  /** `number` when it is listed as taking texts, so replies may be sent from it. */
  async smsSender(number: string | undefined): Promise<string | undefined> {
    return number && (await this.numbers.takesSms(this.db, number)) ? number : undefined;
  }
}
