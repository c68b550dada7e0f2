import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { StaffUsersService, StaffUserView } from '@kontakt/identity';
import { IntakeService } from '@kontakt/intake';
import { DemoHistoryRepository } from './demo-history.repository';
import { inboundContactOf } from './demo-inbound';
import { DemoLifecycle, SeededCase } from './demo-lifecycle';
import { DEMO_MARKER_EMAIL, DEMO_PASSWORD, DEMO_STAFF } from './demo-people';
import { DEMO_EXTERNAL_ID_PREFIX, DemoPlan, planDemo } from './demo-plan';

/**
 * With DEMO=1, fills an empty Kontakt with a contact centre at work: staff, three months of citizen
 * contacts on every channel delivered through the real intake pipeline, and cases at every stage.
 * Runs once per database: the demo supervisor's account marks it as seeded. A seed interrupted
 * half-way is not resumed; start again on an empty DATA_DIR.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: StaffUsersService,
    private readonly intake: IntakeService,
    private readonly lifecycle: DemoLifecycle,
    private readonly history: DemoHistoryRepository,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.demo) return;
    await this.bootstrapAdminFirst();
    if ((await this.users.list()).some((u) => u.email === DEMO_MARKER_EMAIL)) {
      this.logger.log({ event: 'demo_already_seeded', marker: DEMO_MARKER_EMAIL });
      return;
    }
    const started = Date.now();
    const now = new Date(started);
    const plan = planDemo(now);
    // Hashing the staff passwords takes seconds and intake does not need staff, so both run at once.
    const [staff, delivered] = await Promise.all([
      Promise.all(DEMO_STAFF.map((user) => this.users.create({ ...user, password: DEMO_PASSWORD }))),
      this.deliver(plan),
    ]);
    const statuses = await this.lifecycle.advance(delivered.cases, staff, now);
    await this.history.backdateToContacts(DEMO_EXTERNAL_ID_PREFIX, this.config.timeZone);
    this.logger.log({
      event: 'demo_seeded', staff: staff.length, people: plan.people, contacts: delivered.contacts, cases: delivered.cases.length,
      threaded: delivered.threaded, statuses, ms: Date.now() - started, staffLogin: staffLogins(staff), demoPassword: DEMO_PASSWORD,
    });
  }

  /**
   * Nest runs this module's bootstrap hook before the server's AdminBootstrap, which creates the
   * administrator only while no staff user exists; so the administrator is created here, before the demo staff.
   */
  private async bootstrapAdminFirst() {
    const { adminEmail, adminPassword } = this.config;
    if (adminEmail && adminPassword && (await this.users.bootstrapAdmin(adminEmail, adminPassword))) {
      this.logger.log({ event: 'admin_bootstrapped', email: adminEmail });
    }
  }

  /** One contact at a time, oldest first: a follow-up needs the reference of the case its first contact opened. */
  private async deliver(plan: DemoPlan) {
    const references = new Map<string, string>();
    const cases = new Map<string, SeededCase>();
    let contacts = 0;
    let threaded = 0;
    for (const contact of plan.contacts) {
      const result = await this.intake.receive(inboundContactOf(contact, contact.followUp && references.get(contact.followUp.of)));
      references.set(contact.externalId, result.reference);
      if (result.duplicate) continue;
      contacts++;
      if (result.newCase) {
        cases.set(result.caseId, {
          caseId: result.caseId, channel: contact.channel, topic: contact.topic, language: contact.citizen.language,
          citizenName: contact.citizen.name, lastContactAt: contact.occurredAt,
        });
      } else {
        threaded++;
        const followedUp = cases.get(result.caseId);
        if (followedUp) followedUp.lastContactAt = contact.occurredAt;
      }
    }
    return { contacts, threaded, cases: [...cases.values()] };
  }
}

function staffLogins(staff: StaffUserView[]): string {
  return staff.map((s) => `${s.email} (${s.role})`).join(', ');
}
