import type { Role } from './roles';

/** The signed-in staff member a request acts as. */
export interface StaffPrincipal {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  role: Role;
}
