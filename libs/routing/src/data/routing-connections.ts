import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Sql } from '@kontakt/core';
import { CONNECTION_OPTIONS, inTransaction } from '@kontakt/database';

/** Connections of the router's own: a pass routes one page at a time, and the sweep may walk beside it. */
const CONNECTIONS = 2;

/**
 * The router's page transactions run on a small pool of their own, so a case's routing does not
 * queue for a connection behind the HTTP requests (intake at full load keeps the shared pool busy):
 * the time from intake commit to offer is the router's own work.
 */
@Injectable()
export class RoutingConnections implements OnModuleDestroy {
  private readonly logger = new Logger(RoutingConnections.name);
  private readonly pool: Pool;

  constructor(dataSource: DataSource) {
    const url = (dataSource.options as { url?: string }).url;
    this.pool = new Pool({ connectionString: url, max: CONNECTIONS, application_name: 'kontakt-router', options: CONNECTION_OPTIONS });
    // an idle connection the server dropped is replaced on the next transaction; without a listener it would end the process
    this.pool.on('error', (error) => this.logger.warn({ event: 'routing_connection_lost', error: error.message }));
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
