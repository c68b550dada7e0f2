export * from './case-status';
export * from './case-reference';
export * from './status-token';
export * from './cases.repository';
export * from './cases.module';
export * from './case-reads.repository';
export * from './case-views';
export * from './cases.service';
