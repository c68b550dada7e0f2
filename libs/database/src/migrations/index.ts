import { Foundation1764300000000 } from './1764300000000-foundation';
import { DefaultTopics1764300000001 } from './1764300000001-default-topics';

/** Every migration in order. A new one is added here and never edited once merged. */
export const MIGRATIONS = [Foundation1764300000000, DefaultTopics1764300000001];
