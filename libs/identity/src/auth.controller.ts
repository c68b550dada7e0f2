import { Body, Controller, Get, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from '@kontakt/config';
import { AuthService } from './auth.service';
import { CurrentStaff, Public } from './auth.decorators';
import { LoginDto, PresenceDto } from './identity.dto';
import { SESSION_COOKIE } from './staff-auth.guard';
import { StaffUsersService } from './staff-users.service';
import type { StaffPrincipal } from './staff-principal';

@ApiTags('auth')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: StaffUsersService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) response: Response) {
    const { accessToken, expiresInSeconds } = await this.auth.login(body.email, body.password);
    response.cookie(SESSION_COOKIE, accessToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.publicBaseUrl.startsWith('https:'),
      path: '/',
      maxAge: expiresInSeconds * 1000,
    });
    return { accessToken, expiresIn: expiresInSeconds };
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) response: Response) {
    await this.auth.logout(staff);
    await this.users.setPresence(staff.userId, 'offline', 'logged_out');
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentStaff() staff: StaffPrincipal) {
    return this.users.get(staff.userId);
  }

  @ApiBearerAuth()
  @Put('me/presence')
  presence(@CurrentStaff() staff: StaffPrincipal, @Body() body: PresenceDto) {
    return this.users.setPresence(staff.userId, body.status, body.reason);
  }
}
