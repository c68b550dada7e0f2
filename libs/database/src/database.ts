import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryConfig } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Sql } from '@kontakt/core';

/**
 * Statements inside a transaction run as named prepared statements, so PostgreSQL parses and plans
 * each one once per connection instead of on every call: the intake's write path is fixed-shape
 * statements, and this roughly halves PostgreSQL's CPU per contact (bench/intake). Reads outside
 * transactions stay unnamed, so catch-all filters such as the case list keep plans made for their
 * actual parameters, unless they go through `Database.prepared` (lookups by key, whose plan does
 * not depend on the value). The cap guards against SQL that has values built into its text.
 */
const MAX_PREPARED_STATEMENTS = 500;
const statementNames = new Map<string, string>();

function preparedQuery(text: string, values: unknown[]): QueryConfig {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `kontakt_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return { name, text, values };
}

/** Runs one statement on a pool or client; a failure carries the SQL and its parameters, as TypeORM's errors do. */
async function rowsOf<T>(on: Pool | PoolClient, query: QueryConfig): Promise<T[]> {
  try {
    return (await on.query(query)).rows as T[];
  } catch (error) {
    throw new QueryFailedError(query.text, query.values ?? [], error as Error);
  }
}

/** Statements of one open transaction on a client (see preparedQuery above). */
class TransactionSql implements Sql {
  constructor(private readonly client: PoolClient) {}

  rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return rowsOf<T>(this.client, preparedQuery(text, params));
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(text, params))[0];
  }
}

/** Runs `work` on one connection of `pool` inside BEGIN … COMMIT, rolling back if it throws; for code with a pool of its own. */
export async function inTransaction<T>(pool: Pool, work: (tx: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(new TransactionSql(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => {
      broken = rollbackFailed;
    });
    throw error;
  } finally {
    // a connection that could not even roll back is closed instead of going back to the pool
    client.release(broken);
  }
}

/**
 * PostgreSQL access for repositories: `rows`/`one` run a statement on a pooled connection,
 * `transaction` runs a function on one connection inside BEGIN … COMMIT and rolls back if it throws.
 * Both use TypeORM's pg pool directly: its query runner adds work on every statement (runner
 * objects, event broadcasts, result wrapping) that raw SQL repositories do not use.
 */
@Injectable()
export class Database implements Sql {
  constructor(private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return rowsOf<T>(this.pool, { text, values: params });
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(text, params))[0];
  }

  /**
   * Pooled statements run as named prepared statements, planned once per connection: for hot reads
   * of fixed shape by key (a session by its token, the case view), where planning costs more than
   * running the statement.
   */
  readonly prepared: Sql = {
    rows: <T>(text: string, params: unknown[] = []): Promise<T[]> => rowsOf<T>(this.pool, preparedQuery(text, params)),
    one: async <T>(text: string, params: unknown[] = []): Promise<T | undefined> => (await this.prepared.rows<T>(text, params))[0],
  };

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }
}
