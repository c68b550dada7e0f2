import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@kontakt/config';
import { CurrentStaff, Roles, StaffPrincipal } from '@kontakt/identity';
import { UnitCostsRepository } from '../data/unit-costs.repository';
import { UnitCostsDto } from './reports.dto';

/** Effective-dated unit costs per channel: read by managers and admins, set by them from a day on. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/channel-costs')
export class ChannelCostsController {
  constructor(
    private readonly costs: UnitCostsRepository,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles('manager', 'admin')
  async list() {
    return { currency: this.config.analyticsCurrency, costs: await this.costs.all() };
  }

  @Put()
  @Roles('manager', 'admin')
  async update(@Body() body: UnitCostsDto, @CurrentStaff() staff: StaffPrincipal) {
    await this.costs.upsert(body.costs, staff.userId);
    return this.list();
  }
}
