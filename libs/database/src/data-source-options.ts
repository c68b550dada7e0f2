import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * Startup options of every Kontakt connection. JIT off: PostgreSQL JIT-compiles a query once its
 * estimate passes `jit_above_cost`, and for our short queries (a routing sweep, the analytics fold)
 * the compile took 0.5–2 s, far more than the query itself.
 */
export const CONNECTION_OPTIONS = '-c jit=off';

/** TypeORM options: no entities (repositories speak SQL), checked-in migrations run at start, never synchronize. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    extra: { max: 20, application_name: 'kontakt', options: CONNECTION_OPTIONS },
    logging: ['error', 'migration'],
  };
}
