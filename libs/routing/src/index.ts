export * from './routing.module';
export * from './domain/queue-settings';
export * from './domain/case-order';
export * from './domain/escalation';
export * from './domain/business-hours';
export * from './realtime/inbox-events';
