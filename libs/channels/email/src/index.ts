export * from './email.module';
