import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The file name a scan is written under for the tools, by its detected type. */
const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/tiff': 'tif' };

/**
 * Gives a tool run a private temporary directory holding the scan (poppler and Tesseract read files),
 * removed afterwards whatever happened.
 */
export async function withScanFile<T>(content: Buffer, contentType: string, work: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kontakt-scan-'));
  try {
    const path = join(dir, `scan.${EXTENSION[contentType] ?? 'bin'}`);
    await writeFile(path, content);
    return await work(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
