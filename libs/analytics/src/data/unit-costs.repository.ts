import { Injectable } from '@nestjs/common';
import type { Channel } from '@kontakt/core';
import { Database } from '@kontakt/database';
import type { UnitCost } from '../domain/unit-costs';

interface UnitCostRow {
  channel: Channel;
  effective_from: string;
  unit_cost_minor: string;
  staff_cost_per_hour_minor: string;
}

/** The effective-dated unit costs per channel. */
@Injectable()
export class UnitCostsRepository {
  constructor(private readonly db: Database) {}

  async all(): Promise<UnitCost[]> {
    const rows = await this.db.rows<UnitCostRow>(
      `SELECT channel, effective_from::text AS effective_from, unit_cost_minor::text, staff_cost_per_hour_minor::text
       FROM channel_unit_costs ORDER BY channel, effective_from`);
    return rows.map((r) => ({
      channel: r.channel, effectiveFrom: r.effective_from, unitCostMinor: Number(r.unit_cost_minor), staffCostPerHourMinor: Number(r.staff_cost_per_hour_minor),
    }));
  }

  /** Sets the costs from a day on, replacing an entry for the same channel and day; one transaction for all. */
  async upsert(entries: UnitCost[], staffId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const e of entries) {
        await tx.rows(
          `INSERT INTO channel_unit_costs (channel, effective_from, unit_cost_minor, staff_cost_per_hour_minor, updated_by)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (channel, effective_from) DO UPDATE SET unit_cost_minor = EXCLUDED.unit_cost_minor,
             staff_cost_per_hour_minor = EXCLUDED.staff_cost_per_hour_minor, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [e.channel, e.effectiveFrom, e.unitCostMinor, e.staffCostPerHourMinor, staffId]);
      }
    });
  }
}
