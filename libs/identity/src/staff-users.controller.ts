import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, Roles } from './auth.decorators';
import { CreateUserDto, UpdateUserDto } from './identity.dto';
import { StaffUsersService } from './staff-users.service';
import type { StaffPrincipal } from './staff-principal';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/users')
export class StaffUsersController {
  constructor(private readonly users: StaffUsersService) {}

  @Post()
  @Roles('admin')
  create(@Body() body: CreateUserDto) {
    return this.users.create({ ...body, capacity: body.capacity as Record<string, number> | undefined });
  }

  @Get()
  @Roles('admin', 'supervisor')
  list() {
    return this.users.list();
  }

  @Patch(':id')
  @Roles('admin')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateUserDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.users.update(id, staff.userId, { ...body, capacity: body.capacity as Record<string, number> | undefined });
  }
}
