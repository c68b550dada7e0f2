import { BadRequestException, Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, Roles, StaffPrincipal } from '@kontakt/identity';
import { CitizenAddressDto } from './citizen-address.dto';
import { RecordCitizenAddress } from './record-citizen-address';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') });

/** A citizen's postal address and name as staff record or correct them (see RecordCitizenAddress). */
@ApiTags('citizens')
@ApiBearerAuth()
@Controller('api/v1/citizens/:id/address')
export class CitizenAddressController {
  constructor(private readonly recordAddress: RecordCitizenAddress) {}

  @Put()
  @Roles('agent', 'supervisor', 'manager', 'admin')
  set(@Param('id', uuid) id: string, @Body() body: CitizenAddressDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.recordAddress.execute(id, body, staff.userId);
  }
}
