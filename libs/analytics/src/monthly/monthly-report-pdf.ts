import PDFDocument from 'pdfkit';
import { CHANNELS } from '@kontakt/core';
import type { ChannelCostReport } from '../domain/channel-cost-report';
import { CHANNEL_NAMES } from '../page/dashboard-texts';
import { duration, money } from '../page/html';

/**
 * The monthly report as a PDF (pdfkit, built-in Helvetica, which covers æøå): headline figures
 * and the per-channel table, in Danish with English beside each heading.
 */
export function monthlyReportPdf(report: ChannelCostReport, month: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Kontakt ${month}`, Author: 'Kontakt' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const kr = (v: number | null) => money(v, report.currency, 'da');
  const t = report.totals;

  doc.fontSize(18).text(`Månedsrapport / Monthly report ${month}`);
  doc.moveDown(0.5).fontSize(10).text(`Periode / Period: ${report.query.from} – ${report.query.to}`);
  doc.moveDown();
  const lines: [string, string][] = [
    ['Henvendelser / Contacts', String(t.contacts)],
    ['Sager oprettet / Cases opened', String(t.cases)],
    ['Sager løst / Cases resolved', String(t.resolvedCases)],
    ['Digital andel / Digital share', t.digitalSharePercent === null ? '–' : `${t.digitalSharePercent} %`],
    ['Omkostning / Cost', kr(t.cost)],
    ['Pr. løst sag / Per resolved case', kr(t.costPerResolvedCase)],
    ['Besparelse / Savings', kr(t.savings)],
    ['Løst ved første kontakt / First-contact resolution', t.firstContactResolutionPercent === null ? '–' : `${t.firstContactResolutionPercent} %`],
    ['Første svar median / First response median', duration(t.firstResponseMedianSeconds, 'da')],
    ['Første svar inden for SLA / within SLA', t.firstResponseInSlaPercent === null ? '–' : `${t.firstResponseInSlaPercent} %`],
    ['Tilfredshed / Satisfaction (1-5)', t.satisfactionAverage === null ? '–' : String(t.satisfactionAverage)],
  ];
  doc.fontSize(11);
  for (const [label, value] of lines) doc.text(`${label}: ${value}`);
  doc.moveDown().fontSize(13).text('Kanaler / Channels');
  doc.fontSize(10);
  for (const channel of CHANNELS) {
    const rows = report.rows.filter((r) => r.channel === channel);
    if (rows.length === 0) continue;
    const contacts = rows.reduce((n, r) => n + r.contacts, 0);
    const cost = rows.reduce((n, r) => n + r.cost, 0);
    doc.text(`${CHANNEL_NAMES.da[channel]} / ${CHANNEL_NAMES.en[channel]}: ${contacts} henvendelser / contacts, ${kr(cost)} (${rows[0].costModel})`);
  }
  doc.end();
  return done;
}
