'use strict';
/**
 * The intake benchmark's output: machine facts, a short table of server and database-ceiling
 * figures per connection count, the server/ceiling ratio checked against the issue's targets,
 * and the same as JSON under bench/results/.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RESULTS_DIR = path.resolve(__dirname, '..', 'results');

/** The targets from the issue, for a 2-core machine. */
const TARGETS = { contactsPerSecond: 1000, ratio: 0.5, p99Ms: 50 };

/** `busyPercent` is the machine's CPU use measured before the run started anything. */
async function machineFacts(client, busyPercent) {
  const { rows } = await client.query('SELECT version() AS version');
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism(),
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    cpuBusyPercentBeforeStart: busyPercent,
    node: process.version,
    postgres: rows[0].version,
  };
}

const fixed = (value, digits = 0) => (value === null || value === undefined ? '—' : Number(value).toFixed(digits));

/** Throughput, ratio and p99 of the best level; no failed request at any level. */
function verdict(best, levels) {
  const checks = {
    contactsPerSecond: best.server.contactsPerSecond >= TARGETS.contactsPerSecond,
    ratio: best.ratio !== null && best.ratio >= TARGETS.ratio,
    p99: best.server.latencyMs.p99 < TARGETS.p99Ms,
    non2xx: levels.every(({ server }) => server.non2xx === 0 && server.errors === 0 && server.timeouts === 0),
  };
  return { ...checks, all: Object.values(checks).every(Boolean) };
}

/** The level with the most server contacts/s; the ratio compares it with the best ceiling seen. */
function summarise(levels) {
  const bestServer = levels.reduce((a, b) => (b.server.contactsPerSecond > a.server.contactsPerSecond ? b : a));
  const ceilings = levels.filter((l) => l.ceiling).map((l) => l.ceiling.contactsPerSecond);
  const bestCeiling = ceilings.length ? Math.max(...ceilings) : null;
  const best = {
    connections: bestServer.connections,
    server: bestServer.server,
    ceilingContactsPerSecond: bestCeiling,
    ratio: bestCeiling ? bestServer.server.contactsPerSecond / bestCeiling : null,
  };
  return { ...best, targets: TARGETS, meets: verdict(best, levels) };
}

/** CPU milliseconds per recorded contact: steadier than contacts/s when other work shares the machine. */
const cpuMs = (r, group) => (r.cpuPercent ? ((10 * r.cpuPercent[group]) / r.contactsPerSecond).toFixed(2) : '—');

function printReport({ facts, target, levels, summary }) {
  const lines = [
    '',
    `Kontakt web-form intake — ${target}`,
    `machine: ${facts.nproc} cores (${facts.cpu}), ${facts.memoryGiB} GiB, node ${facts.node}, ` +
      `load ${facts.loadAverageAtStart.join(' ')}, ${facts.cpuBusyPercentBeforeStart}% CPU busy before start` +
      (facts.cpuBusyPercentBeforeStart > 15 ? ' (other work is running: figures are low)' : ''),
    `postgres: ${facts.postgres}`,
    '',
    'conns | what               | contacts/s |   p50 ms |   p90 ms |   p99 ms | non-2xx/errors | ratio | CPU % server/pg/bench/other',
    '------+--------------------+------------+----------+----------+----------+----------------+-------+----------------------------',
  ];
  for (const level of levels) {
    const s = level.server;
    const c = level.ceiling;
    const ratio = (c ? fixed(s.contactsPerSecond / c.contactsPerSecond, 2) : '—').padEnd(5);
    const cpu = (r) => (r.cpuPercent ? `${r.cpuPercent.server}/${r.cpuPercent.postgres}/${r.cpuPercent.loadGenerator}/${r.cpuPercent.others}` : '—');
    lines.push(`${String(level.connections).padStart(5)} | server (HTTP)      | ${fixed(s.contactsPerSecond).padStart(10)} | ${fixed(s.latencyMs.p50, 1).padStart(8)} | ${fixed(s.latencyMs.p90, 1).padStart(8)} | ${fixed(s.latencyMs.p99, 1).padStart(8)} | ${`${s.non2xx}/${s.errors + s.timeouts}`.padStart(14)} | ${ratio} | ${cpu(s)}`);
    if (c) lines.push(`${' '.repeat(5)} | db ceiling (pg)    | ${fixed(c.contactsPerSecond).padStart(10)} | ${fixed(c.latencyMs.p50, 1).padStart(8)} | ${fixed(c.latencyMs.p90, 1).padStart(8)} | ${fixed(c.latencyMs.p99, 1).padStart(8)} | ${`-/${c.errors}`.padStart(14)} |       | ${cpu(c)}`);
  }
  const activity = (r) => r?.perContact
    ? `${r.perContact.transactions} transactions, ${r.perContact.rollbacks} rollbacks, ` +
      `${r.perContact.rowsInserted}/${r.perContact.rowsUpdated}/${r.perContact.rowsDeleted} rows inserted/updated/deleted` +
      (r.cpuPercent.server > 5 ? `, ${r.perContact.serverWriteCalls} server write calls` : '') +
      `; CPU ms: ${cpuMs(r, 'server')} server, ${cpuMs(r, 'postgres')} PostgreSQL`
    : '—';
  lines.push('', 'database work per contact:');
  for (const level of levels) {
    lines.push(`  ${level.connections} connections: server ${activity(level.server)}`);
    if (level.ceiling) lines.push(`  ${' '.repeat(String(level.connections).length)} connections: ceiling ${activity(level.ceiling)}`);
  }
  const busiest = Math.max(...levels.flatMap((l) => [l.server, l.ceiling].filter(Boolean).map((r) => r.cpuPercent?.others ?? 0)));
  if (busiest > 15) lines.push(`warning: other processes used up to ${busiest}% of a core during a phase; contacts/s are low, CPU ms per contact less affected`);
  const m = summary.meets;
  const mark = (ok) => (ok ? 'ok' : 'MISSED');
  lines.push(
    '',
    `best: ${fixed(summary.server.contactsPerSecond)} contacts/s at ${summary.connections} connections; ` +
      `ceiling ${fixed(summary.ceilingContactsPerSecond)} contacts/s; server/ceiling ${fixed(summary.ratio, 2)}`,
    `targets: ≥${TARGETS.contactsPerSecond}/s ${mark(m.contactsPerSecond)}, ≥${TARGETS.ratio} of ceiling ${mark(m.ratio)}, ` +
      `p99 <${TARGETS.p99Ms} ms ${mark(m.p99)}, no non-2xx ${mark(m.non2xx)}`,
  );
  for (const level of levels) {
    for (const body of level.server.rejected) lines.push(`  rejected at ${level.connections} connections: ${body}`);
    for (const message of level.ceiling?.errorMessages ?? []) lines.push(`  ceiling error at ${level.connections} connections: ${message}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function writeJson(report) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `intake-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

module.exports = { machineFacts, summarise, printReport, writeJson, RESULTS_DIR };
