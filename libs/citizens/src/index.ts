export * from './identity-normaliser';
export * from './citizens.repository';
export * from './citizens.module';
export * from './vulnerability';
