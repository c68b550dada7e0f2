export * from './wallboard.module';
