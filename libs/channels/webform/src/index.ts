export * from './webform.module';
