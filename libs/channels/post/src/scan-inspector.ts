import type { Bilingual } from '@kontakt/core';
import { imageGeometry } from './image-geometry';
import { runTool, ToolFailed } from './run-tool';
import { withScanFile } from './scan-workspace';

/** What a mailroom scan may be, recognised by its bytes. */
export const SCAN_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] as const;
export type ScanType = (typeof SCAN_TYPES)[number];

/** A page side above about 60 cm (larger than A2) is no letter; rendering it for OCR would cost gigapixels. */
export const MAX_PAGE_SIDE_POINTS = 1700;
/** A scan image above this many pixels per page is refused before any decoder allocates it. */
export const MAX_IMAGE_PIXELS = 60_000_000;
const PDFINFO_LIMITS = { timeoutMs: 10_000, maxOutputBytes: 1024 * 1024 };

export interface ScanLimits {
  maxBytes: number;
  maxPages: number;
}

export interface InspectedScan {
  filename: string;
  contentType: ScanType;
  content: Buffer;
  pages: number;
}

export type Inspection = { ok: true; scan: InspectedScan } | { ok: false; problem: Bilingual };

type Detect = (buffer: Uint8Array) => Promise<{ mime: string } | undefined>;
let detector: Promise<Detect> | undefined;
// file-type is ESM-only; loaded once on first use.
const detect: Detect = async (buffer) => {
  detector ??= import('file-type').then((m) => m.fileTypeFromBuffer as Detect);
  return (await detector)(buffer);
};

const refuse = (da: string, en: string): Inspection => ({ ok: false, problem: { da, en } });

/**
 * The page count and largest page side of a PDF from one pdfinfo run (sizes of at most the first
 * `maxPages` pages; a longer PDF is refused on its count anyway). A file poppler cannot open is not a PDF we can read.
 */
async function pdfPages(path: string, maxPages: number): Promise<{ pages: number; largestSide: number } | undefined> {
  const info = (await runTool('pdfinfo', ['-f', '1', '-l', String(maxPages), path], PDFINFO_LIMITS)).toString('utf8');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  if (!Number.isInteger(pages) || pages < 1) return undefined;
  let largestSide = 0;
  for (const match of info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
    largestSide = Math.max(largestSide, Number(match[1]), Number(match[2]));
  }
  return { pages, largestSide };
}

/**
 * Checks one uploaded scan before anything is recorded: not empty, not too large, a PDF, PNG, JPEG or
 * TIFF by its content, and no bomb — too many pages, pages too large to rasterise, more pixels than a
 * scan has, or a PDF poppler cannot read within its time limit.
 */
export async function inspectScan(filename: string, content: Buffer, limits: ScanLimits): Promise<Inspection> {
  if (content.length === 0) return refuse(`Filen ${filename} er tom`, `The file ${filename} is empty`);
  const mb = Math.round(limits.maxBytes / (1024 * 1024));
  if (content.length > limits.maxBytes) return refuse(`Filen ${filename} er større end ${mb} MB`, `The file ${filename} is larger than ${mb} MB`);
  const type = (await detect(content))?.mime;
  if (!type || !(SCAN_TYPES as readonly string[]).includes(type)) {
    return refuse(`Filen ${filename} er ikke en PDF, PNG, JPEG eller TIFF (bedømt ud fra indholdet)`, `The file ${filename} is not a PDF, PNG, JPEG or TIFF (judged by its content)`);
  }
  const contentType = type as ScanType;
  const tooManyPages = (pages: number) =>
    refuse(`Filen ${filename} har ${pages} sider; højst ${limits.maxPages} er tilladt`, `The file ${filename} has ${pages} pages; at most ${limits.maxPages} are allowed`);
  if (contentType !== 'application/pdf') {
    const geometry = imageGeometry(contentType, content, limits.maxPages);
    if (!geometry) return refuse(`Billedet ${filename} kan ikke læses`, `The image ${filename} cannot be read`);
    if (geometry.pages > limits.maxPages) return tooManyPages(geometry.pages);
    if (geometry.width * geometry.height > MAX_IMAGE_PIXELS) {
      return refuse(`Billedet ${filename} er for stort (${geometry.width} × ${geometry.height} punkter)`, `The image ${filename} is too large (${geometry.width} × ${geometry.height} pixels)`);
    }
    return { ok: true, scan: { filename, contentType, content, pages: geometry.pages } };
  }
  let pdf: Awaited<ReturnType<typeof pdfPages>>;
  try {
    pdf = await withScanFile(content, contentType, (path) => pdfPages(path, limits.maxPages));
  } catch (error) {
    if (error instanceof ToolFailed && error.timedOut) return refuse(`PDF-filen ${filename} tager for lang tid at åbne`, `The PDF ${filename} takes too long to open`);
    pdf = undefined;
  }
  if (!pdf) return refuse(`PDF-filen ${filename} er beskadiget og kan ikke åbnes`, `The PDF ${filename} is damaged and cannot be opened`);
  if (pdf.pages > limits.maxPages) return tooManyPages(pdf.pages);
  if (pdf.largestSide > MAX_PAGE_SIDE_POINTS) {
    return refuse(`PDF-filen ${filename} har en side, der er større end A2; det er ikke et brev`, `The PDF ${filename} has a page larger than A2; it is not a letter`);
  }
  return { ok: true, scan: { filename, contentType, content, pages: pdf.pages } };
}
