import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** TypeORM options: no entities (repositories speak SQL), checked-in migrations run at start, never synchronize. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    extra: { max: 20, application_name: 'kontakt' },
    logging: ['error', 'migration'],
  };
}
