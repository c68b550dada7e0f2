import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { runTool } from './run-tool';
import { withScanFile } from './scan-workspace';
import type { ScanType } from './scan-inspector';

/** Fewer letters than this and a PDF's embedded text is taken for an image-only scan (or a stray header). */
const MIN_EMBEDDED_LETTERS = 20;
/** OCR that finds fewer letters than this has not read the letter; a person must. */
export const MIN_READ_LETTERS = 10;
/** Rasterised pages stay under this many pixels whatever their size (300 dpi for A4 is 8.7 million). */
const MAX_RASTER_PIXELS = 40_000_000;
const OCR_DPI = 300;
const TEXT_OUTPUT_BYTES = 2 * 1024 * 1024;

export const letterCount = (text: string) => (text.match(/\p{L}/gu) ?? []).length;

/** Text as staff read it: Unix line breaks, no form feeds between pages, no runs of blank lines. */
export function tidyText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The PDF's embedded text (pdftotext, layout kept), or undefined when it has too little to be the letter. */
export async function embeddedText(content: Buffer, timeoutMs: number): Promise<string | undefined> {
  const text = await withScanFile(content, 'application/pdf', async (path) =>
    (await runTool('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { timeoutMs, maxOutputBytes: TEXT_OUTPUT_BYTES })).toString('utf8'),
  );
  const tidy = tidyText(text);
  return letterCount(tidy) >= MIN_EMBEDDED_LETTERS ? tidy : undefined;
}

/** The resolution that keeps a page of this size under the raster pixel limit. */
export function rasterDpi(widthPoints: number, heightPoints: number): number {
  const squareInches = (widthPoints / 72) * (heightPoints / 72);
  return Math.max(72, Math.min(OCR_DPI, Math.floor(Math.sqrt(MAX_RASTER_PIXELS / squareInches))));
}

async function pageSize(path: string, page: number): Promise<{ width: number; height: number }> {
  const info = (await runTool('pdfinfo', ['-f', String(page), '-l', String(page), path], { timeoutMs: 10_000, maxOutputBytes: 64 * 1024 })).toString('utf8');
  const match = /size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : { width: 595, height: 842 };
}

const tesseract = (image: string, timeoutMs: number) =>
  runTool('tesseract', [image, '-', '-l', 'dan+eng', '--psm', '3'], { timeoutMs, maxOutputBytes: TEXT_OUTPUT_BYTES }).then((out) => out.toString('utf8'));

/**
 * Reads a scan with Tesseract (Danish and English): each PDF page is rasterised by pdftoppm in
 * greyscale and read on its own, each step within the per-page time limit; images (a multi-page
 * TIFF too) are read directly, within the limit times their pages.
 */
export async function ocrText(content: Buffer, contentType: ScanType, pages: number, pageTimeoutMs: number): Promise<string> {
  return withScanFile(content, contentType, async (path, dir) => {
    if (contentType !== 'application/pdf') return tidyText(await tesseract(path, pageTimeoutMs * pages));
    const texts: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const size = await pageSize(path, page);
      const out = join(dir, `page-${page}`);
      await runTool('pdftoppm', ['-r', String(rasterDpi(size.width, size.height)), '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), path, out], {
        timeoutMs: pageTimeoutMs, maxOutputBytes: 64 * 1024,
      });
      texts.push(await tesseract(`${out}.png`, pageTimeoutMs));
      await rm(`${out}.png`, { force: true });
    }
    return tidyText(texts.join('\n\n'));
  });
}
