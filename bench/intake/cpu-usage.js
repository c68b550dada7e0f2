'use strict';
/**
 * Where the CPU goes during a phase: the server process, the PostgreSQL processes of the bench's
 * database (its backends plus the cluster's WAL writer, checkpointer and other helpers), and this
 * load-generating process. Read from /proc/<pid>/stat, reported as % of one core; on a 2-core box
 * everything together cannot exceed 200%. A server near 100% is bound by its single JS thread.
 */
const fs = require('node:fs');

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined; // exited
  }
}

/** Backends of the current database and the cluster's auxiliary processes (datname IS NULL). */
async function postgresPids(client) {
  const { rows } = await client.query(
    `SELECT pid FROM pg_stat_activity WHERE (datname = current_database() OR datname IS NULL) AND pid <> pg_backend_pid()`,
  );
  return rows.map((r) => r.pid);
}

/**
 * Starts a measurement; `finish()` returns % of one core per group. PostgreSQL backends are looked
 * up again at the end, so pool connections opened during the phase count from their first sample
 * (0); a backend that exited within the phase is missed.
 */
async function startCpuMeasurement({ client, serverPid }) {
  const started = process.hrtime.bigint();
  const before = new Map();
  const remember = (pid) => { if (!before.has(pid)) before.set(pid, cpuTicks(pid) ?? 0); };
  remember(serverPid);
  remember(process.pid);
  for (const pid of await postgresPids(client)) remember(pid);
  return {
    async finish() {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const pgPids = new Set([...(await postgresPids(client)), ...[...before.keys()].filter((p) => p !== serverPid && p !== process.pid)]);
      const used = (pid) => Math.max(0, (cpuTicks(pid) ?? before.get(pid) ?? 0) - (before.get(pid) ?? 0));
      const percent = (ticks) => Math.round((100 * ticks) / TICKS_PER_SECOND / seconds);
      let postgres = 0;
      for (const pid of pgPids) postgres += used(pid);
      return { server: percent(used(serverPid)), postgres: percent(postgres), loadGenerator: percent(used(process.pid)) };
    },
  };
}

/** Share of all cores busy over `ms`, from /proc/stat: other work on the machine skews every figure. */
async function machineBusyPercent(ms = 1000) {
  const sample = () => {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: fields[3] + fields[4], total: fields.reduce((a, b) => a + b, 0) };
  };
  const a = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = sample();
  return Math.round(100 * (1 - (b.idle - a.idle) / (b.total - a.total)) || 0);
}

module.exports = { startCpuMeasurement, machineBusyPercent };
