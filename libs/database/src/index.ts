export * from './embedded-postgres';
export * from './database';
export * from './database.module';
export * from './data-source-options';
export * from './worker-wakeups';
