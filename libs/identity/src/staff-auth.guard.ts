import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@kontakt/core';
import { AuthService } from './auth.service';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import type { Role } from './roles';

export const SESSION_COOKIE = 'kontakt_session';

/**
 * Every route needs a staff session unless marked @Public(): a bearer token, or the session
 * cookie the web app holds. @Roles() narrows who may call it.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { staff?: unknown }>();
    const token = this.tokenOf(request);
    if (!token) throw new DomainError('unauthenticated', 'Sign in first: send Authorization: Bearer <accessToken> from POST /api/v1/auth/login');
    const staff = await this.auth.authenticate(token);
    if (!staff) throw new DomainError('unauthenticated', 'Your session has expired or was signed out; sign in again');
    request.staff = staff;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(staff.role)) {
      throw new DomainError('forbidden', `This needs the role ${roles.join(' or ')}; you are signed in as ${staff.role}`);
    }
    return true;
  }

  private tokenOf(request: Request): string | undefined {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
    const cookies = (request as Request & { cookies?: Record<string, string> }).cookies;
    return cookies?.[SESSION_COOKIE];
  }
}
