import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from './roles';
import type { StaffPrincipal } from './staff-principal';

export const PUBLIC_ROUTE = 'kontakt:public';
export const REQUIRED_ROLES = 'kontakt:roles';

/** The route is open to citizens and needs no staff session. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route; without it any signed-in staff member may. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The staff member the request is authenticated as. */
export const CurrentStaff = createParamDecorator(
  (_: unknown, context: ExecutionContext): StaffPrincipal => context.switchToHttp().getRequest().staff,
);
