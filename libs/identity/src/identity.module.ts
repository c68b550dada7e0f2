import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { PresenceListeners } from './presence-listeners';
import { SessionsRepository } from './sessions.repository';
import { StaffAuthGuard } from './staff-auth.guard';
import { StaffUsersController } from './staff-users.controller';
import { StaffUsersRepository } from './staff-users.repository';
import { StaffUsersService } from './staff-users.service';

/** Staff users, roles, sessions and the guard that makes every route staff-only unless marked public. */
@Module({
  controllers: [AuthController, StaffUsersController],
  providers: [
    AuthService,
    PasswordHasher,
    PresenceListeners,
    SessionsRepository,
    StaffUsersRepository,
    StaffUsersService,
    { provide: APP_GUARD, useClass: StaffAuthGuard },
  ],
  exports: [StaffUsersService, AuthService, PresenceListeners],
})
export class IdentityModule {}
