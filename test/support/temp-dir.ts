import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh directory under the system temp dir for an embedded PostgreSQL. We run as root in CI,
 * where PostgreSQL runs as the `postgres` user, which must be able to enter the directory.
 */
export async function tempDataDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `kontakt-e2e-${label}-`));
  await chmod(dir, 0o711);
  return dir;
}
