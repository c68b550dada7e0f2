export * from './staff-logged.module';
