export * from './reply-templates.module';
export * from './placeholders';
