'use strict';
/**
 * Where the CPU goes during a phase: the server process, the PostgreSQL processes of the bench's
 * database (its backends plus the cluster's WAL writer, checkpointer and other helpers), and this
 * load-generating process. Read from /proc/<pid>/stat, reported as % of one core; on a 2-core box
 * everything together cannot exceed 200%. A server near 100% is bound by its single JS thread.
 * `others` is the rest of the machine's CPU use in the same window: other work skews the figures.
 * `serverWriteCalls` counts the server's write syscalls (/proc/<pid>/io): one per statement sent
 * to PostgreSQL plus one per HTTP response, so per contact it shows the round trips it costs.
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

function writeCalls(pid) {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/io`, 'utf8').match(/^syscw: (\d+)/m)[1]);
  } catch {
    return 0;
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
  const machineBefore = machineTicks();
  const writesBefore = writeCalls(serverPid);
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
      const machine = machineTicks();
      const machineBusy = machine.busy - machineBefore.busy;
      const ours = used(serverPid) + postgres + used(process.pid);
      return {
        server: percent(used(serverPid)),
        postgres: percent(postgres),
        loadGenerator: percent(used(process.pid)),
        others: Math.max(0, percent(machineBusy - ours)),
        serverWriteCalls: writeCalls(serverPid) - writesBefore,
      };
    },
  };
}

/** All cores' busy and total ticks so far, from /proc/stat (busy excludes idle and iowait). */
function machineTicks() {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - fields[3] - fields[4], total };
}

/** Share of all cores busy over `ms`: run before starting anything, it shows other work on the machine. */
async function machineBusyPercent(ms = 1000) {
  const a = machineTicks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = machineTicks();
  return Math.round((100 * (b.busy - a.busy)) / (b.total - a.total) || 0);
}

module.exports = { startCpuMeasurement, machineBusyPercent };
