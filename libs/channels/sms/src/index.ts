export * from './sms.module';
