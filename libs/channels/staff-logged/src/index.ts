export * from './staff-logged.module';
export { STAFF_LOGGED_OUTCOMES } from './staff-logged.dto';
