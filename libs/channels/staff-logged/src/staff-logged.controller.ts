import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '@kontakt/identity';
import { LogStaffContactDto } from './staff-logged.dto';
import { LogStaffContact } from './log-staff-contact';

/** Staff log the calls and counter visits that did not come through a channel adapter. */
@ApiTags('staff-logged contacts')
@ApiBearerAuth()
@Controller('api/v1/staff-contacts')
export class StaffLoggedController {
  constructor(private readonly logContact: LogStaffContact) {}

  @Post()
  log(@Body() body: LogStaffContactDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.logContact.execute(body, staff);
  }
}
