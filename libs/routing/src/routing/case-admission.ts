import { Injectable } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import type { Channel, Sql } from '@kontakt/core';
import { addBusinessMinutes } from '../domain/business-hours';
import { effectivePriority, routingKey } from '../domain/case-order';
import { eligibilityAfter } from '../domain/escalation';
import { firstResponseMinutesFor, QueueSettings } from '../domain/queue-settings';
import { Admission, RoutingEntriesRepository, WaitingCase } from '../data/routing-entries.repository';

/**
 * Admits waiting cases into routing: order key (aging formula, case-order.ts), who may take them
 * given how long they have waited (escalation.ts), and the first-response due time in the queue's
 * business hours. Intake writes that due time with the case, so a new case's admission only writes
 * it again when it is off by a second or more (the queue or its hours changed, or the database's
 * clock differs from this process's). The caller holds the cases' "case to route" locks.
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
      slaDueAt: this.firstResponseDue(settings, entry.channel, entry.queued_at),
    };
  }

  firstResponseDue(settings: QueueSettings, channel: Channel, from: Date): Date {
    return addBusinessMinutes(from, firstResponseMinutesFor(settings, channel), settings.businessHours, this.config.timeZone);
  }

  async admit(tx: Sql, entries: { entry: WaitingCase; settings: QueueSettings }[]): Promise<WaitingCase[]> {
    const admissions = entries.map(({ entry, settings }) => this.plan(entry, settings));
    const moved = admissions.filter((a, i) => !sameSecond(a.slaDueAt, entries[i].entry.sla_due_at));
    await this.entries.admit(tx, admissions, moved);
    return entries.map(({ entry }, i) => ({
      ...entry,
      routing_key: admissions[i].routingKey,
      stage: admissions[i].eligibility.stage,
      required_level: admissions[i].eligibility.requiredLevel,
      overflow_queue_id: admissions[i].eligibility.overflowQueueId,
    }));
  }
}

function sameSecond(a: Date, b: Date | null): boolean {
  return b !== null && Math.abs(a.getTime() - b.getTime()) < 1000;
}
