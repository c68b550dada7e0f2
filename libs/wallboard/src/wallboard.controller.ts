import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@kontakt/identity';
import { WallboardRepository } from './wallboard.repository';

const MUNICIPALITY_TIME_ZONE = 'Europe/Copenhagen';

/** Today's figures for the supervisor wallboard: SLA at risk per queue, cases resolved per staff member. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('api/v1/wallboard')
export class WallboardController {
  constructor(private readonly figures: WallboardRepository) {}

  @Get('today')
  @Roles('supervisor', 'admin', 'manager')
  async today() {
    const [resolved, atRisk] = await Promise.all([this.figures.resolvedToday(MUNICIPALITY_TIME_ZONE), this.figures.slaAtRisk()]);
    return {
      slaAtRisk: Object.fromEntries(atRisk.map((r) => [r.queue, r.at_risk])),
      resolvedToday: Object.fromEntries(resolved.map((r) => [r.actor_id, r.resolved])),
    };
  }
}
