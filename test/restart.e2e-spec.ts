import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { submitWebform } from './support/factories';
import { requireOrSkip } from './support/require-or-skip';
import { spawnServer, stopServer } from './support/server-process';
import { tempDataDir } from './support/temp-dir';
import { startServer } from './support/test-server';

/** The command lines of running processes that contain the text, found with pgrep. */
function processesMatching(text: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', '--', text], { encoding: 'utf8' }).trim().split('\n');
  } catch (error) {
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}

const hasPgrep = (() => {
  try {
    execFileSync('pgrep', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

requireOrSkip(hasPgrep, 'pgrep (procps) is needed to check that no PostgreSQL is left behind')('restarting the server', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await tempDataDir('restart');
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps cases in the embedded PostgreSQL under DATA_DIR across a graceful restart', async () => {
    const first = await startServer({ embeddedDataDir: dataDir });
    const submitted = await submitWebform(first, { message: 'Denne henvendelse skal overleve en genstart.' }).catch(async (error) => {
      await first.stop();
      throw error;
    });

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(processesMatching(`-D ${join(dataDir, 'postgres')}`)).toEqual([]);

    const second = await startServer({ embeddedDataDir: dataDir });
    try {
      const found = await second.as(await second.adminToken()).get('/api/v1/cases').query({ text: submitted.reference });
      expect(found.body.items).toEqual([expect.objectContaining({ reference: submitted.reference, channel: 'webform', status: 'queued' })]);
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
    expect(processesMatching(`-D ${join(dataDir, 'postgres')}`)).toEqual([]);
  });

  it('refuses to start with PORT=abc, exiting non-zero with one line that names PORT', async () => {
    const server = spawnServer({ PORT: 'abc', DATABASE_URL: undefined, DATA_DIR: dataDir });

    const code = await server.exited;

    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    const lines = server.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\bPORT\b/);
    expect(server.stdout()).toBe('');
    await stopServer(server);
  });
});
