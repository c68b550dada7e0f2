export * from './outcomes';
export * from './case-resolution.module';
