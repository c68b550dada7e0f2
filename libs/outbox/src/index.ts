export * from './outbox-message';
export * from './outbox.repository';
export * from './outbox-channels';
export * from './retry-backoff';
export * from './outbox.module';
