import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { invalid, notFound } from '@kontakt/core';
import { CurrentStaff, Roles, StaffPrincipal, StaffUsersService } from '@kontakt/identity';
import { TopicsRepository } from '@kontakt/topics';
import { RoutingAgentsRepository } from '../data/routing-agents.repository';
import { RoutingStatsRepository } from '../data/routing-stats.repository';
import { CaseMoves } from '../supervision/case-moves';
import { QueueSettingsService } from './queue-settings.service';
import { PresenceChangeDto, QueueSettingsDto, QueueSkillsDto, TransferDto } from './routing.dto';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') });

/**
 * Queue routing settings (admin), and the supervisor's controls: figures, forcing an agent's presence,
 * transferring a case to another queue, pulling a case back. Assigning and reassigning are
 * POST /api/v1/cases/:id/assign.
 */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('api/v1/routing')
export class RoutingAdminController {
  constructor(
    private readonly settings: QueueSettingsService,
    private readonly agents: RoutingAgentsRepository,
    private readonly stats: RoutingStatsRepository,
    private readonly users: StaffUsersService,
    private readonly topics: TopicsRepository,
    private readonly moves: CaseMoves,
  ) {}

  @Get('queues')
  @Roles('supervisor', 'admin')
  queues() {
    return this.settings.list();
  }

  @Put('queues/:slug')
  @Roles('admin')
  updateQueue(@Param('slug') slug: string, @Body() body: QueueSettingsDto) {
    return this.settings.update(slug, body);
  }

  @Get('stats')
  @Roles('supervisor', 'admin', 'manager')
  async figures() {
    const [queues, agents] = await Promise.all([this.stats.queues(), this.agents.loads()]);
    return { queues, agents };
  }

  @Put('agents/:id/presence')
  @Roles('supervisor', 'admin')
  forcePresence(@Param('id', uuid) id: string, @Body() body: PresenceChangeDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.users.setPresence(id, body.status, body.reason ?? (body.status === 'available' ? undefined : `set by ${staff.name}`));
  }

  @Get('agents/:id/queue-skills')
  @Roles('admin')
  async agentQueueSkills(@Param('id', uuid) id: string) {
    if (!(await this.agents.isActive(id))) throw notFound(`Staff user ${id}`);
    return { agentId: id, skills: await this.agents.queueSkills(id) };
  }

  @Put('agents/:id/queue-skills')
  @Roles('admin')
  async queueSkills(@Param('id', uuid) id: string, @Body() body: QueueSkillsDto) {
    if (!(await this.agents.isActive(id))) throw notFound(`Staff user ${id}`);
    const queues = await this.topics.queues();
    const bySlug = new Map(queues.map((q) => [q.slug, q.id]));
    const unknown = body.skills.filter((s) => !bySlug.has(s.queue)).map((s) => s.queue);
    if (unknown.length > 0) throw invalid(`skills name unknown queues: ${unknown.join(', ')}`);
    await this.agents.replaceQueueSkills(id, body.skills.map((s) => ({ queueId: bySlug.get(s.queue)!, level: s.level })));
    return { agentId: id, skills: await this.agents.queueSkills(id) };
  }

  @Post('cases/:id/transfer')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  transfer(@Param('id', uuid) id: string, @Body() body: TransferDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.moves.transfer(id, body.queue, staff);
  }

  @Post('cases/:id/pull-back')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  pullBack(@Param('id', uuid) id: string, @CurrentStaff() staff: StaffPrincipal) {
    return this.moves.pullBack(id, staff);
  }
}
