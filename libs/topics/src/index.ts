export * from './topic';
export * from './topic-classifier';
export * from './topics.repository';
export * from './topics.module';
export * from './topics.service';
