'use strict';
/**
 * What the database did per recorded contact during a phase, from pg_stat_database for the bench's
 * database: transactions committed and rolled back, rows inserted, updated and deleted, blocks
 * read from disk. Comparing the server's figures with the ceiling's shows work the server does
 * besides the intake transaction (the router, jobs, caches) and any statements it repeats.
 * Backends flush these counters about once a second once idle, so `finish` waits before reading.
 */

const COUNTERS = `SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_returned, tup_fetched, blks_read
  FROM pg_stat_database WHERE datname = current_database()`;

async function readCounters(client) {
  await client.query('SELECT pg_stat_clear_snapshot()');
  const row = (await client.query(COUNTERS)).rows[0];
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

async function startActivityMeasurement(client) {
  const before = await readCounters(client);
  return {
    /** Per contact when `contacts` > 0, else totals. Includes this client's own few queries. */
    async finish(contacts) {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const after = await readCounters(client);
      const per = (key) => Math.round(((after[key] - before[key]) / Math.max(1, contacts)) * 100) / 100;
      return {
        transactions: per('xact_commit'),
        rollbacks: per('xact_rollback'),
        rowsInserted: per('tup_inserted'),
        rowsUpdated: per('tup_updated'),
        rowsDeleted: per('tup_deleted'),
        rowsFetched: per('tup_fetched'),
        blocksRead: per('blks_read'),
      };
    },
  };
}

module.exports = { startActivityMeasurement };
