import { Injectable } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import type { Sql } from '@kontakt/core';

class RunnerSql implements Sql {
  constructor(private readonly runner: QueryRunner) {}

  async rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.runner.query(text, params, true);
    return result.records as T[];
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
      return await new RunnerSql(runner).rows<T>(text, params);
    } finally {
      await runner.release();
    }
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(text, params))[0];
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const result = await work(new RunnerSql(runner));
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
