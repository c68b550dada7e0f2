import type { Channel } from '@kontakt/core';

/** The channels counted as online (digital take-up); post, phone and the counter are traditional. */
export const ONLINE_CHANNELS: readonly Channel[] = ['email', 'webform', 'sms'];

export interface UnitCost {
  channel: Channel;
  /** First day (municipality's time zone) the cost applies, `YYYY-MM-DD`. */
  effectiveFrom: string;
  unitCostMinor: number;
  staffCostPerHourMinor: number;
}

/** Effective-dated unit costs: for a channel and a day, the entry with the latest start on or before it. */
export class UnitCostSchedule {
  private readonly byChannel = new Map<string, UnitCost[]>();

  constructor(entries: UnitCost[]) {
    for (const entry of [...entries].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))) {
      const list = this.byChannel.get(entry.channel) ?? [];
      list.push(entry);
      this.byChannel.set(entry.channel, list);
    }
  }

  on(channel: string, day: string): UnitCost | undefined {
    let found: UnitCost | undefined;
    for (const entry of this.byChannel.get(channel) ?? []) {
      if (entry.effectiveFrom > day) break;
      found = entry;
    }
    return found;
  }

  unitCost(channel: string, day: string): number {
    return this.on(channel, day)?.unitCostMinor ?? 0;
  }

  staffCostPerHour(channel: string, day: string): number {
    return this.on(channel, day)?.staffCostPerHourMinor ?? 0;
  }
}
