export * from './channel';
export * from './language';
export * from './domain-error';
export * from './sql';
export * from './html';
