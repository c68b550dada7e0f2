export * from './roles';
export * from './staff-principal';
export * from './auth.decorators';
export * from './identity.module';
export * from './staff-users.service';
export * from './presence-listeners';
export { AuthService } from './auth.service';
