import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The file name a scan is written under for the tools, by its detected type. */
const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/tiff': 'tif' };

/** A private temporary directory for one tool run (poppler and Tesseract read and write files), removed afterwards whatever happened. */
export async function withWorkspace<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kontakt-post-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A workspace holding the scan as a file named by its type. */
export function withScanFile<T>(content: Buffer, contentType: string, work: (path: string, dir: string) => Promise<T>): Promise<T> {
  return withWorkspace(async (dir) => {
    const path = join(dir, `scan.${EXTENSION[contentType] ?? 'bin'}`);
    await writeFile(path, content);
    return work(path, dir);
  });
}
