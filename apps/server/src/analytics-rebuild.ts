import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { RollupsRepository } from '@kontakt/analytics';
import { ConfigError, loadConfig } from '@kontakt/config';
import { Database, dataSourceOptions, RunningPostgres, startEmbeddedPostgres } from '@kontakt/database';

/**
 * `npm run analytics:rebuild`: recomputes every analytics fact and rollup from the raw tables
 * (contacts, cases, case_events, survey answers) on the database the server would use (DATABASE_URL,
 * else the embedded PostgreSQL under DATA_DIR, which must not be running). Safe while servers run:
 * it takes the fold lock, so the background folds wait for it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: RunningPostgres | undefined;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, database: 'kontakt', log: () => {} });
  }
  const dataSource = new DataSource({ ...dataSourceOptions(config.databaseUrl ?? embedded!.url), migrationsRun: false, logging: ['error'] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const started = Date.now();
    const result = await new RollupsRepository(new Database(dataSource)).rebuild(config.timeZone);
    process.stdout.write(`${JSON.stringify({ event: 'analytics_rebuilt', ...result, seconds: (Date.now() - started) / 1000 })}\n`);
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`analytics:rebuild failed: ${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
