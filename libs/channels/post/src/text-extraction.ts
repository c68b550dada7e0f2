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

/** The PDF's embedded text page by page (pdftotext, layout kept; a form feed ends each page). */
async function pageTexts(path: string, timeoutMs: number): Promise<string[]> {
  const raw = (await runTool('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { timeoutMs, maxOutputBytes: TEXT_OUTPUT_BYTES })).toString('utf8');
  const pages = raw.split('\f');
  return pages.at(-1)?.trim() === '' ? pages.slice(0, -1) : pages;
}

/** The numbers of the pages that show an image (`pdfimages -list`: two header lines, then one row per image, page first). */
async function pagesWithImages(path: string, timeoutMs: number): Promise<Set<number>> {
  const list = (await runTool('pdfimages', ['-list', path], { timeoutMs, maxOutputBytes: TEXT_OUTPUT_BYTES })).toString('utf8');
  return new Set(list.split('\n').slice(2).map((row) => Number.parseInt(row.trim(), 10)).filter(Number.isInteger));
}

const hasText = (page: string) => letterCount(page) >= MIN_EMBEDDED_LETTERS;

export interface EmbeddedText {
  /** the text of the pages that have it, or undefined when the PDF has too little to be the letter */
  text: string | undefined;
  /** pages that are a picture with too little text of their own (an image-only scan inside a typed letter): OCR must read them */
  scannedPages: number[];
}

/** What a PDF's embedded text gives at once, and which of its pages only OCR can read. */
export async function embeddedText(content: Buffer, timeoutMs: number): Promise<EmbeddedText> {
  return withScanFile(content, 'application/pdf', async (path) => {
    const [pages, images] = await Promise.all([pageTexts(path, timeoutMs), pagesWithImages(path, timeoutMs)]);
    const tidy = tidyText(pages.join('\f'));
    const scannedPages = [...images].filter((page) => !hasText(pages[page - 1] ?? '')).sort((a, b) => a - b);
    return { text: letterCount(tidy) >= MIN_EMBEDDED_LETTERS ? tidy : undefined, scannedPages };
  });
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
 * Reads a scan with Tesseract (Danish and English): each PDF page is read on its own — from its
 * embedded text when it has enough, else rasterised by pdftoppm in greyscale and OCR'd, each step
 * within the per-page time limit; images (a multi-page TIFF too) are read directly, within the limit
 * times their pages.
 */
export async function ocrText(content: Buffer, contentType: ScanType, pages: number, pageTimeoutMs: number): Promise<string> {
  return withScanFile(content, contentType, async (path, dir) => {
    if (contentType !== 'application/pdf') return tidyText(await tesseract(path, pageTimeoutMs * pages));
    const embedded = await pageTexts(path, pageTimeoutMs);
    const texts: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const own = embedded[page - 1] ?? '';
      if (hasText(own)) {
        texts.push(own);
        continue;
      }
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
