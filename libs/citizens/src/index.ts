export * from './identity-normaliser';
export * from './danish-address';
export * from './citizens.repository';
export * from './citizens.module';
export * from './vulnerability';
