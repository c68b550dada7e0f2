/**
 * Small inline SVG charts for the dashboard, drawn server-side (no chart library, no script):
 * stacked percentage bars for the channel mix and bars for money series (negative values below
 * the axis). Each chart has a <title> and the numbers stay in the table beside it, so the chart is
 * never the only way to read a figure.
 */
import { escape } from './html';

export interface Series {
  label: string;
  color: string;
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 64, right: 12, top: 12, bottom: 36 };

function frame(title: string, body: string, legend: Series[]): string {
  const items = legend.map((s, i) =>
    `<g transform="translate(${PAD.left + i * 96},${HEIGHT - 8})"><rect width="10" height="10" y="-9" fill="${s.color}"/><text x="14" font-size="11">${escape(s.label)}</text></g>`).join('');
  return `<svg role="img" aria-label="${escape(title)}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" style="max-width:${WIDTH}px" xmlns="http://www.w3.org/2000/svg"><title>${escape(title)}</title>${body}${items}</svg>`;
}

function xLabels(labels: string[], slot: number): string {
  const every = Math.max(1, Math.ceil(labels.length / 8));
  return labels.map((l, i) => (i % every === 0
    ? `<text x="${PAD.left + slot * (i + 0.5)}" y="${HEIGHT - PAD.bottom + 14}" font-size="10" text-anchor="middle">${escape(l)}</text>` : '')).join('');
}

/** Each period's bar split by series into shares of 100 %. */
export function stackedPercentBars(title: string, labels: string[], series: Series[]): string {
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(labels.length, 1);
  let bars = '';
  labels.forEach((_, i) => {
    const total = series.reduce((n, s) => n + s.values[i], 0);
    let y = PAD.top + plotH;
    for (const s of series) {
      const h = total === 0 ? 0 : (s.values[i] / total) * plotH;
      y -= h;
      if (h > 0) bars += `<rect x="${(PAD.left + slot * i + slot * 0.15).toFixed(1)}" y="${y.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}"><title>${escape(s.label)}: ${s.values[i]}</title></rect>`;
    }
  });
  const axis = [0, 50, 100].map((p) => {
    const y = PAD.top + plotH * (1 - p / 100);
    return `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y}" y2="${y}" stroke="#ccc"/><text x="${PAD.left - 6}" y="${y + 4}" font-size="10" text-anchor="end">${p} %</text>`;
  }).join('');
  return frame(title, axis + bars + xLabels(labels, slot), series);
}

/** Side-by-side bars per period for one or more series; values may be negative. */
export function groupedBars(title: string, labels: string[], series: Series[], format: (v: number) => string): string {
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const all = series.flatMap((s) => s.values);
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const span = max - min || 1;
  const yOf = (v: number) => PAD.top + ((max - v) / span) * plotH;
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(labels.length, 1);
  const width = (slot * 0.8) / Math.max(series.length, 1);
  let bars = '';
  labels.forEach((_, i) => series.forEach((s, j) => {
    const v = s.values[i];
    const top = Math.min(yOf(v), yOf(0));
    bars += `<rect x="${(PAD.left + slot * i + slot * 0.1 + width * j).toFixed(1)}" y="${top.toFixed(1)}" width="${width.toFixed(1)}" height="${Math.abs(yOf(v) - yOf(0)).toFixed(1)}" fill="${s.color}"><title>${escape(s.label)}: ${escape(format(v))}</title></rect>`;
  }));
  const axis = [max, 0, min].filter((v, i, a) => a.indexOf(v) === i).map((v) =>
    `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${yOf(v)}" y2="${yOf(v)}" stroke="${v === 0 ? '#333' : '#ccc'}"/><text x="${PAD.left - 6}" y="${yOf(v) + 4}" font-size="10" text-anchor="end">${escape(format(v))}</text>`).join('');
  return frame(title, axis + bars + xLabels(labels, slot), series);
}
