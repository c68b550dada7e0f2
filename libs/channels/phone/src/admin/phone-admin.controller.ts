import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, Roles, StaffPrincipal } from '@kontakt/identity';
import { CallbackDoneDto, CallbackListQueryDto, IvrMenuDto, PhoneEndpointDto, TwilioAccountDto } from './phone-admin.dto';
import { PhoneAdminService } from './phone-admin.service';

const callSid = { transform: (value: string) => {
  if (!/^CA[0-9a-f]{32}$/.test(value)) throw new BadRequestException('callSid must be a Twilio CallSid (CA and 32 hex digits)');
  return value;
} };
const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') });

/** Admins set up the Twilio account, the keypad menu and agents' phone endpoints; staff work the call-back list. */
@ApiTags('phone')
@ApiBearerAuth()
@Controller('api/v1/phone')
export class PhoneAdminController {
  constructor(private readonly phone: PhoneAdminService) {}

  @Get('account')
  @Roles('admin')
  account() {
    return this.phone.accountView();
  }

  @Put('account')
  @Roles('admin')
  setAccount(@Body() body: TwilioAccountDto) {
    return this.phone.setAccount(body);
  }

  @Get('ivr-menu')
  @Roles('admin')
  menu() {
    return this.phone.menu();
  }

  @Put('ivr-menu')
  @Roles('admin')
  setMenu(@Body() body: IvrMenuDto) {
    return this.phone.setMenu(body);
  }

  @Get('endpoints')
  @Roles('admin', 'supervisor')
  endpoints() {
    return this.phone.endpoints();
  }

  @Put('endpoints/:userId')
  @Roles('admin')
  setEndpoint(@Param('userId', uuid) userId: string, @Body() body: PhoneEndpointDto) {
    return this.phone.setEndpoint(userId, body.endpoint);
  }

  @Delete('endpoints/:userId')
  @Roles('admin')
  @HttpCode(204)
  async removeEndpoint(@Param('userId', uuid) userId: string) {
    await this.phone.setEndpoint(userId, null);
  }

  @Get('calls/:callSid')
  call(@Param('callSid', callSid) id: string) {
    return this.phone.call(id);
  }

  @Get('callbacks')
  callbacks(@Query() query: CallbackListQueryDto) {
    return this.phone.callbacks(query.caseId);
  }

  @Post('callbacks/:id/done')
  @HttpCode(204)
  async done(@Param('id', uuid) id: string, @Body() body: CallbackDoneDto, @CurrentStaff() staff: StaffPrincipal) {
    await this.phone.completeCallback(id, body, staff);
  }
}
