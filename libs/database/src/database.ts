import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { PoolClient, QueryConfig } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Sql } from '@kontakt/core';

/**
 * Statements inside a transaction run as named prepared statements, so PostgreSQL parses and plans
 * each one once per connection instead of on every call: the intake's write path is fixed-shape
 * statements, and this roughly halves PostgreSQL's CPU per contact (bench/intake). Reads outside
 * transactions stay unnamed, so catch-all filters such as the case list keep plans made for their
 * actual parameters. The cap guards against SQL that has values built into its text.
 */
const MAX_PREPARED_STATEMENTS = 500;
const statementNames = new Map<string, string>();

function transactionQuery(text: string, values: unknown[]): QueryConfig {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `kontakt_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return { name, text, values };
}

/** Statements of one open transaction on a client (see transactionQuery above); for code that holds its own connections. */
export class TransactionSql implements Sql {
  constructor(private readonly client: PoolClient) {}

  async rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    try {
      return (await this.client.query(transactionQuery(text, params))).rows as T[];
    } catch (error) {
      throw new QueryFailedError(text, params, error as Error);
    }
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(text, params))[0];
  }
}

/**
 * PostgreSQL access for repositories: `rows`/`one` run a statement on a pooled connection,
 * `transaction` runs a function on one connection inside BEGIN … COMMIT and rolls back if it throws.
 */
@Injectable()
export class Database implements Sql {
  constructor(private readonly dataSource: DataSource) {}

  async rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return (await runner.query(text, params, true)).records as T[];
    } finally {
      await runner.release();
    }
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(text, params))[0];
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    await runner.startTransaction();
    try {
      const result = await work(new TransactionSql(client));
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
