import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Database } from '@kontakt/database';
import { Public } from '@kontakt/identity';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(private readonly db: Database) {}

  /** 200 once PostgreSQL answers; 503 while it does not. */
  @Public()
  @Get('health')
  async health() {
    try {
      await this.db.rows('SELECT 1');
    } catch {
      throw new ServiceUnavailableException('The database does not answer');
    }
    return { status: 'ok' };
  }
}
