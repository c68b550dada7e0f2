'use strict';
/** Letters for the benchmark, made the way the tests make them: pdfkit text PDFs, and their pixels via pdftoppm. */
const { execFile } = require('node:child_process');
const fs = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const PDFDocument = require('pdfkit');

const run = promisify(execFile);

function textPdf(lines, fontSize = 24) {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica').fontSize(fontSize).text(lines.join('\n'), { lineGap: 8 });
  doc.end();
  return done;
}

function imagePdf(png) {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
  doc.end();
  return done;
}

const letterLines = (n) => [
  `Brev nummer ${n}`, 'Kære kommune', 'Vores affaldsspand er ikke tømt', 'i tre uger. Storskrald ligger', 'stadig på fortovet.', 'Venlig hilsen Birthe',
];

/** A one-page image-only PDF of letter n (150 dpi greyscale scan inside). */
async function imageOnlyPdf(n) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kontakt-bench-post-'));
  try {
    await fs.writeFile(path.join(dir, 'l.pdf'), await textPdf(letterLines(n)));
    await run('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', path.join(dir, 'l.pdf'), path.join(dir, 'l')]);
    return await imagePdf(await fs.readFile(path.join(dir, 'l.png')));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The reference OCR of one page outside Kontakt: pdftoppm at 300 dpi, then tesseract, as the worker runs them. */
async function rawOcr(pdf) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kontakt-bench-post-'));
  try {
    await fs.writeFile(path.join(dir, 's.pdf'), pdf);
    await run('pdftoppm', ['-r', '300', '-gray', '-png', '-singlefile', '-f', '1', '-l', '1', path.join(dir, 's.pdf'), path.join(dir, 'p')]);
    const { stdout } = await run('tesseract', [path.join(dir, 'p.png'), '-', '-l', 'dan+eng', '--psm', '3'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    return stdout;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

module.exports = { textPdf, imageOnlyPdf, letterLines, rawOcr };
