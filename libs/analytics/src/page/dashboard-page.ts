import { CHANNELS } from '@kontakt/core';
import type { ChannelCostReport } from '../domain/channel-cost-report';
import type { ReportQuery } from '../domain/report-inputs';
import { reportTables, ReportTable } from '../export/report-tables';
import { CHANNEL_COLORS, CHANNEL_NAMES, DASHBOARD_TEXTS } from './dashboard-texts';
import { duration, escape, money, PageLanguage } from './html';
import { groupedBars, stackedPercentBars } from './svg-charts';

/**
 * The manager dashboard (server-rendered, no script): a form to pick the period, baseline, cost
 * model and filters; headline figures; charts of channel mix, cost and savings over time with the
 * tables beside them; export links; and the definitions of every figure, savings formula included.
 */
const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.6rem}form{display:flex;flex-wrap:wrap;gap:8px 16px;background:#fff;padding:12px;border:1px solid #d0d7de}
label{display:flex;flex-direction:column;font-size:.85rem}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:#fff;border:1px solid #d0d7de;padding:10px 14px;min-width:150px}.card b{display:block;font-size:1.3rem}
section{background:#fff;border:1px solid #d0d7de;padding:12px;margin:12px 0;overflow-x:auto}table{border-collapse:collapse;font-size:.8rem}
th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:right}th{background:#eef1f4}td:first-child,th:first-child{text-align:left}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:12px}figure{margin:0}a{color:#0550ae}`;

function query(q: ReportQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}

function cell(key: string, value: string | number | null, currency: string, lang: PageLanguage): string {
  if (value === null) return '–';
  if (key === 'channel') return escape(CHANNEL_NAMES[lang][String(value)] ?? value);
  if (/cost|savings/i.test(key) && key !== 'costModel' && typeof value === 'number') return escape(money(value, currency, lang));
  if (key.endsWith('Seconds') && typeof value === 'number') return escape(duration(value, lang));
  return escape(value);
}

function table(t: ReportTable, currency: string, lang: PageLanguage): string {
  const head = t.columns.map((c) => `<th scope="col">${escape(c[lang])}</th>`).join('');
  const body = t.rows.map((r) => `<tr>${t.columns.map((c) => `<td>${cell(c.key, r[c.key], currency, lang)}</td>`).join('')}</tr>`).join('');
  return `<table><caption>${escape(t.title[lang])}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function field(name: string, label: string, value: string | undefined, type = 'text'): string {
  return `<label>${escape(label)}<input type="${type}" name="${name}" value="${escape(value ?? '')}"></label>`;
}

function select(name: string, label: string, value: string, options: [string, string][]): string {
  const opts = options.map(([v, l]) => `<option value="${v}"${v === value ? ' selected' : ''}>${escape(l)}</option>`).join('');
  return `<label>${escape(label)}<select name="${name}">${opts}</select></label>`;
}

export function dashboardPage(report: ChannelCostReport, lang: PageLanguage): string {
  const t = DASHBOARD_TEXTS[lang];
  const q = report.query;
  const labels = report.periods.map((p) => p.period);
  const channels = CHANNELS.filter((c) => report.rows.some((r) => r.channel === c));
  const rowsByCell = new Map(report.rows.map((r) => [`${r.period}|${r.channel}`, r]));
  const valueOf = (period: string, channel: string, key: 'contacts' | 'cost') => rowsByCell.get(`${period}|${channel}`)?.[key] ?? 0;
  const series = (key: 'contacts' | 'cost') => channels.map((c) => ({ label: CHANNEL_NAMES[lang][c], color: CHANNEL_COLORS[c], values: labels.map((p) => valueOf(p, c, key)) }));
  const kroner = (v: number) => money(v, report.currency, lang);
  const tables = reportTables(report);
  const totals = report.totals;
  const form = `<form method="get" action="/reports/channel-costs">
    <input type="hidden" name="lang" value="${lang}">
    ${field('from', `${t.period}: ${t.from}`, q.from, 'date')}${field('to', t.to, q.to, 'date')}
    ${select('groupBy', t.groupBy, q.groupBy, [['day', t.day], ['week', t.week], ['month', t.month]])}
    ${field('baselineFrom', `${t.baseline}: ${t.from}`, q.baselineFrom, 'date')}${field('baselineTo', t.to, q.baselineTo, 'date')}
    ${select('costModel', t.costModel, q.costModel, [['unit', t.unit], ['activity', t.activity]])}
    ${field('topic', t.topic, q.topic)}${field('queue', t.queue, q.queue)}${field('segment', t.segment, q.segment)}
    <button type="submit">${escape(t.show)}</button></form>`;
  const cards = [
    [t.contacts, String(totals.contacts)], [t.digital, totals.digitalSharePercent === null ? '–' : `${totals.digitalSharePercent} %`],
    [t.cost, kroner(totals.cost)], [t.costPerCase, money(totals.costPerResolvedCase, report.currency, lang)],
    [t.savings, money(totals.savings, report.currency, lang)],
  ].map(([label, value]) => `<div class="card">${escape(label)}<b>${escape(value)}</b></div>`).join('');
  const charts = labels.length === 0 ? `<p>${escape(t.none)}</p>` : `<div class="charts">
    <figure>${stackedPercentBars(t.mixChart, labels, series('contacts'))}<figcaption>${escape(t.mixChart)}</figcaption></figure>
    <figure>${groupedBars(t.costChart, labels, series('cost'), kroner)}<figcaption>${escape(t.costChart)}</figcaption></figure>
    <figure>${groupedBars(t.savingsChart, labels, [{ label: t.savings, color: '#2da44e', values: report.periods.map((p) => p.savings ?? 0) }], kroner)}<figcaption>${escape(t.savingsChart)}</figcaption></figure>
  </div>`;
  const api = '/api/v1/reports';
  const exports = `<ul>
    <li><a href="${api}/channel-costs?${escape(query(q, { format: 'csv', table: 'periods' }))}">${escape(t.periods)} (CSV)</a></li>
    <li><a href="${api}/channel-costs?${escape(query(q, { format: 'csv', table: 'channels' }))}">${escape(t.channels)} (CSV)</a></li>
    <li><a href="${api}/channel-costs?${escape(query(q, { format: 'xlsx' }))}">${escape(t.periods)} + ${escape(t.channels)} (XLSX)</a></li>
    <li><a href="${api}/open-data?${escape(new URLSearchParams({ from: q.from, to: q.to, format: 'csv' }).toString())}">${escape(t.openData)}</a></li>
    <li><a href="${api}/monthly.pdf?month=${escape(q.to.slice(0, 7))}">${escape(t.pdf)}</a></li></ul>`;
  const switchLang = `/reports/channel-costs?${escape(query(q, { lang: lang === 'da' ? 'en' : 'da' }))}`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.title)} – Kontakt</title><style>${STYLE}</style></head><body><main>
<p><a href="${switchLang}" lang="${lang === 'da' ? 'en' : 'da'}">${escape(t.other)}</a></p>
<h1>${escape(t.title)}</h1><p>${escape(t.intro)}</p>${form}<div class="cards">${cards}</div>
<section tabindex="0" aria-label="${escape(t.mixChart)}">${charts}</section>
<section tabindex="0" aria-label="${escape(t.periods)}">${table(tables.periods, report.currency, lang)}</section>
<section tabindex="0" aria-label="${escape(t.channels)}">${table(tables.channels, report.currency, lang)}</section>
<section><h2>${escape(t.exports)}</h2>${exports}</section>
<section><h2>${escape(t.definitions)}</h2><p><strong>${escape(t.savings)}.</strong> ${escape(t.savingsFormula)}</p>
<p>${escape(t.percentiles)}</p><p>${escape(t.avoidable)}</p><p>${escape(t.fcr)}</p><p>${escape(t.models)}</p><p>${escape(t.digitalDef)}</p></section>
</main></body></html>`;
}
