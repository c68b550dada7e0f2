import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { StaffUsersService } from '@kontakt/identity';

/** On first start, ADMIN_EMAIL/ADMIN_PASSWORD become the administrator when no staff user exists. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: StaffUsersService,
  ) {}

  async onApplicationBootstrap() {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    if (await this.users.bootstrapAdmin(adminEmail, adminPassword)) {
      this.logger.log({ event: 'admin_bootstrapped', email: adminEmail });
    }
  }
}
