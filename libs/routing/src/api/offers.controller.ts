import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '@kontakt/identity';
import { OffersRepository } from '../data/offers.repository';
import { AcceptOffer } from '../offers/accept-offer';
import { RejectOffer } from '../offers/reject-offer';
import { RejectDto } from './routing.dto';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') });

/** An agent answers the offers the inbox socket pushed to them. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('api/v1')
export class OffersController {
  constructor(
    private readonly acceptOffer: AcceptOffer,
    private readonly rejectOffer: RejectOffer,
    private readonly offers: OffersRepository,
  ) {}

  @Post('offers/:id/accept')
  @HttpCode(200)
  accept(@Param('id', uuid) id: string, @CurrentStaff() staff: StaffPrincipal) {
    return this.acceptOffer.execute(id, staff);
  }

  @Post('offers/:id/reject')
  @HttpCode(200)
  reject(@Param('id', uuid) id: string, @Body() body: RejectDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.rejectOffer.execute(id, staff, body.reason);
  }

  /** The caller's live offers, e.g. after reconnecting the socket. */
  @Get('me/offers')
  async mine(@CurrentStaff() staff: StaffPrincipal) {
    const offers = await this.offers.liveOfAgent(staff.userId);
    return offers.map((o) => ({ offerId: o.id, caseId: o.case_id, channel: o.channel, expiresAt: o.expires_at }));
  }
}
