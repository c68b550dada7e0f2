import { rm } from 'node:fs/promises';
import { dropRunDatabases } from './test-databases';

/** Drops the run's databases, then stops the embedded cluster and removes its directory. */
export default async function globalTeardown(): Promise<void> {
  const cluster = globalThis.kontaktTestCluster;
  if (!cluster) return;
  try {
    await dropRunDatabases();
  } finally {
    await cluster.stop?.();
    if (cluster.dataDir) await rm(cluster.dataDir, { recursive: true, force: true });
    globalThis.kontaktTestCluster = undefined;
  }
}
