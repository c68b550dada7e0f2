import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';

/** Scanned letters built in the test: a PDF with real text, and the same letter as pixels only (PNG, image-only PDF). */

const run = promisify(execFile);

function pdfkitToBuffer(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/** A letter as a PDF with embedded text, one paragraph per line; large type so its scan reads reliably. */
export function textPdf(lines: string[], fontSize = 26): Promise<Buffer> {
  return pdfkitToBuffer((doc) => doc.font('Helvetica').fontSize(fontSize).text(lines.join('\n'), { lineGap: 8 }));
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kontakt-letter-test-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type ScanFormat = 'png' | 'jpeg' | 'tiff';
const SCAN_EXTENSION: Record<ScanFormat, string> = { png: 'png', jpeg: 'jpg', tiff: 'tif' };

/** The letter rendered to a greyscale image by pdftoppm, as a scanner would deliver it. */
export function letterScan(lines: string[], format: ScanFormat, dpi = 150): Promise<Buffer> {
  return inTempDir(async (dir) => {
    await writeFile(join(dir, 'letter.pdf'), await textPdf(lines));
    const compression = format === 'tiff' ? ['-tiffcompression', 'lzw'] : [];
    await run('pdftoppm', ['-r', String(dpi), '-gray', `-${format}`, ...compression, '-singlefile', join(dir, 'letter.pdf'), join(dir, 'letter')]);
    return readFile(join(dir, `letter.${SCAN_EXTENSION[format]}`));
  });
}

export const letterPng = (lines: string[], dpi = 150) => letterScan(lines, 'png', dpi);

/** A PDF holding only the PNG scan of the letter: no text to extract, OCR must read it. */
export async function imageOnlyPdf(lines: string[]): Promise<Buffer> {
  const png = await letterPng(lines);
  return pdfkitToBuffer((doc) => doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height }), { margin: 0 });
}

/** A typed first page with embedded text, then a page that is only the scan of the `scanned` lines. */
export async function typedThenScannedPdf(typed: string[], scanned: string[]): Promise<Buffer> {
  const png = await letterPng(scanned);
  return pdfkitToBuffer((doc) => {
    doc.font('Helvetica').fontSize(26).text(typed.join('\n'), { lineGap: 8 });
    doc.addPage({ margin: 0 });
    doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
  });
}

/** A blank page of `side` × `side` points: tiny as a file, gigapixels once rasterised for OCR. */
export function hugePagePdf(side = 14_400): Promise<Buffer> {
  return pdfkitToBuffer((doc) => doc.fontSize(12).text('.'), { size: [side, side] });
}

/** A PDF of `pages` nearly empty pages. */
export function manyPagesPdf(pages: number): Promise<Buffer> {
  return pdfkitToBuffer((doc) => {
    for (let i = 0; i < pages; i++) {
      if (i > 0) doc.addPage();
      doc.fontSize(10).text(String(i + 1));
    }
  });
}

/** A blank white page as PNG: a scan with nothing on it to read (another resolution gives another file). */
export function blankPng(dpi = 150): Promise<Buffer> {
  return letterPng([' '], dpi);
}

export interface WordBox {
  word: string;
  /** millimetres from the page's left and top edges */
  left: number;
  top: number;
  right: number;
  bottom: number;
  page: number;
}

const MM_PER_POINT = 25.4 / 72;

/** Every word of a PDF with its box, from `pdftotext -bbox`. */
export function wordBoxes(pdf: Buffer): Promise<WordBox[]> {
  return inTempDir(async (dir) => {
    await writeFile(join(dir, 'letter.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-bbox', join(dir, 'letter.pdf'), '-'], { maxBuffer: 16 * 1024 * 1024 });
    const boxes: WordBox[] = [];
    let page = 0;
    for (const line of stdout.split('\n')) {
      if (line.includes('<page ')) page++;
      const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
      if (!match) continue;
      const [, xMin, yMin, xMax, yMax, word] = match;
      const decoded = word.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
      boxes.push({ word: decoded, left: Number(xMin) * MM_PER_POINT, top: Number(yMin) * MM_PER_POINT, right: Number(xMax) * MM_PER_POINT, bottom: Number(yMax) * MM_PER_POINT, page });
    }
    return boxes;
  });
}

/** A PDF's text as pdftotext reads it, pages in order. */
export function pdfText(pdf: Buffer): Promise<string> {
  return inTempDir(async (dir) => {
    await writeFile(join(dir, 'letter.pdf'), pdf);
    return (await run('pdftotext', ['-layout', join(dir, 'letter.pdf'), '-'], { maxBuffer: 16 * 1024 * 1024 })).stdout;
  });
}

export async function pdfPageCount(pdf: Buffer): Promise<number> {
  return inTempDir(async (dir) => {
    await writeFile(join(dir, 'letter.pdf'), pdf);
    const { stdout } = await run('pdfinfo', [join(dir, 'letter.pdf')]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
  });
}

export function toolsInstalled(...tools: string[]): boolean {
  return tools.every((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
}
