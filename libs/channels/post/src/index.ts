export * from './post.module';
