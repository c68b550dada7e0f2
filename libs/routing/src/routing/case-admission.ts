import { Injectable } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import type { Sql } from '@kontakt/core';
import { addBusinessMinutes } from '../domain/business-hours';
import { effectivePriority, routingKey } from '../domain/case-order';
import { eligibilityAfter } from '../domain/escalation';
import { firstResponseMinutesFor, QueueSettings } from '../domain/queue-settings';
import { Admission, RoutingEntriesRepository, WaitingCase } from '../data/routing-entries.repository';

/**
 * Admits waiting cases into routing: order key (aging formula, case-order.ts), who may take them
 * given how long they have waited (escalation.ts), and the first-response due time in the queue's
 * business hours. The caller holds the cases' "case to route" locks.
 */
@Injectable()
export class CaseAdmission {
  constructor(
    private readonly entries: RoutingEntriesRepository,
    private readonly config: AppConfig,
  ) {}

  plan(entry: WaitingCase, settings: QueueSettings, now = new Date()): Admission {
    const priority = effectivePriority(entry.priority, entry.segment, entry.vulnerable, settings);
    return {
      caseId: entry.case_id,
      routingKey: routingKey(entry.queued_at, priority, settings),
      eligibility: eligibilityAfter((now.getTime() - entry.queued_at.getTime()) / 1000, settings),
      slaDueAt: addBusinessMinutes(entry.queued_at, firstResponseMinutesFor(settings, entry.channel), settings.businessHours, this.config.timeZone),
    };
  }

  async admit(tx: Sql, entries: { entry: WaitingCase; settings: QueueSettings }[]): Promise<WaitingCase[]> {
    const admissions = entries.map(({ entry, settings }) => this.plan(entry, settings));
    await this.entries.admit(tx, admissions);
    return entries.map(({ entry }, i) => ({
      ...entry,
      routing_key: admissions[i].routingKey,
      stage: admissions[i].eligibility.stage,
      required_level: admissions[i].eligibility.requiredLevel,
      overflow_queue_id: admissions[i].eligibility.overflowQueueId,
    }));
  }
}
