import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '@kontakt/identity';
import { ResolveCaseDto } from './case-resolution.dto';
import { ResolveCase } from './resolve-case';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') });

/** Resolving a case with an outcome code, and the case's resolutions so far. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases/:id/resolution')
export class CaseResolutionController {
  constructor(private readonly resolveCase: ResolveCase) {}

  @Post()
  @HttpCode(200)
  resolve(@Param('id', uuid) id: string, @Body() body: ResolveCaseDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.resolveCase.execute(id, body.outcome, staff);
  }

  @Get()
  list(@Param('id', uuid) id: string) {
    return this.resolveCase.resolutionsOf(id);
  }
}
