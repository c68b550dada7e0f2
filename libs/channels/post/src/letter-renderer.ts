import PDFDocument from 'pdfkit';
import type { Language } from '@kontakt/core';
import { LETTER_TEXTS, letterDate } from './letter-texts';

export interface LetterContent {
  letterhead: string;
  senderAddress: string[];
  senderContact: string[];
  recipientName?: string;
  recipientLines: string[];
  date: Date;
  timeZone: string;
  reference: string;
  subject: string;
  body: string;
  staffName: string;
  language: Language;
}

export interface RenderedLetter {
  pdf: Buffer;
  pages: number;
}

const mm = (value: number) => (value * 72) / 25.4;

/**
 * DIN 5008 form B on A4: the window of a C5/DL window envelope lies 20 mm from the left and 45 mm
 * from the top, 85 × 45 mm. Its first 17.7 mm hold the return line, the rest the recipient.
 */
export const WINDOW = { left: mm(20), top: mm(45), width: mm(85), height: mm(45) };
const ADDRESS_LEFT = mm(25);
const ADDRESS_WIDTH = WINDOW.left + WINDOW.width - ADDRESS_LEFT - mm(5);
const RETURN_LINE_TOP = WINDOW.top + mm(10);
const RECIPIENT_TOP = WINDOW.top + mm(17.7);
const MAX_RECIPIENT_LINES = 6;
const INFO_LEFT = mm(125);
const TEXT_LEFT = mm(25);
const TEXT_WIDTH = mm(210 - 25 - 20);
/** Form B's fold marks (105 and 210 mm) and the hole-punch mark (148.5 mm). */
const MARKS = [mm(105), mm(148.5), mm(210)];

/** Text in the standard PDF fonts must be WinAnsi; anything else would print as garbage, so it becomes "?". */
export const printable = (text: string) => text.normalize('NFC').replace(/[^\n\t\u0020-\u007e\u00a0-\u00ff€–—‘’‚“”„•…]/gu, '?');

/** Cuts a line until it fits the width, so an address never leaves the window. */
function fitted(doc: PDFKit.PDFDocument, line: string, width: number): string {
  let out = printable(line);
  while (out.length > 1 && doc.widthOfString(out) > width) out = out.slice(0, -1);
  return out;
}

/**
 * Renders an outgoing letter as a print-ready PDF: letterhead, the recipient in the envelope window
 * with the return line above it, the sender block with date and reference, the subject, the reply,
 * the closing, fold marks and "page n of m" on every page.
 */
export function renderLetter(letter: LetterContent): Promise<RenderedLetter> {
  const texts = LETTER_TEXTS[letter.language];
  const doc = new PDFDocument({
    size: 'A4', bufferPages: true, margins: { top: mm(20), left: TEXT_LEFT, right: mm(20), bottom: mm(25) },
    info: { Title: `${letter.reference} ${printable(letter.subject)}`, Author: printable(letter.letterhead) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text(printable(letter.letterhead), TEXT_LEFT, mm(15), { width: TEXT_WIDTH });
  for (const y of MARKS) doc.moveTo(mm(3), y).lineTo(y === MARKS[1] ? mm(9) : mm(7), y).lineWidth(0.3).stroke('#888888');

  doc.font('Helvetica').fontSize(7).fillColor('black');
  // the return line names the municipality and its street and town; a department line would not fit
  doc.text(fitted(doc, [letter.letterhead, ...letter.senderAddress.slice(-2)].join(' · '), ADDRESS_WIDTH), ADDRESS_LEFT, RETURN_LINE_TOP, { lineBreak: false, underline: true });
  doc.fontSize(10);
  const recipient = [letter.recipientName, ...letter.recipientLines].filter((l): l is string => Boolean(l)).slice(0, MAX_RECIPIENT_LINES);
  recipient.forEach((line, i) => doc.text(fitted(doc, line, ADDRESS_WIDTH), ADDRESS_LEFT, RECIPIENT_TOP + i * 12, { lineBreak: false }));

  const info = [...letter.senderAddress, ...letter.senderContact, '', `${texts.date}: ${letterDate(letter.date, letter.language, letter.timeZone)}`, `${texts.reference}: ${letter.reference}`];
  doc.fontSize(9).text(info.map(printable).join('\n'), INFO_LEFT, mm(50), { width: mm(65) });

  doc.font('Helvetica-Bold').fontSize(11).text(`${texts.regarding}: ${printable(letter.subject)}`, TEXT_LEFT, mm(98.4), { width: TEXT_WIDTH });
  doc.moveDown();
  doc.font('Helvetica').fontSize(11).text(printable(letter.body), { width: TEXT_WIDTH, lineGap: 2 });
  doc.moveDown();
  doc.text(`${texts.closing}\n\n${printable(letter.staffName)}\n${printable(letter.letterhead)}`, { width: TEXT_WIDTH });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).text(texts.page(i + 1, range.count), TEXT_LEFT, doc.page.height - mm(15), { width: TEXT_WIDTH, align: 'right', lineBreak: false });
  }
  doc.end();
  return done.then((pdf) => ({ pdf, pages: range.count }));
}

/** One empty A4 page: put after a letter with an odd page count so, printed on both sides, the next letter starts on a new sheet. */
export function blankPage(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.end();
  return done;
}
