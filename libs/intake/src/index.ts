export * from './inbound-contact';
export * from './intake.service';
export * from './intake.module';
