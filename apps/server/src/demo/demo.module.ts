import { Module } from '@nestjs/common';
import { CasesModule } from '@kontakt/cases';
import { CitizensModule } from '@kontakt/citizens';
import { IdentityModule } from '@kontakt/identity';
import { IntakeModule } from '@kontakt/intake';
import { DemoHistoryRepository } from './demo-history.repository';
import { DemoLifecycle } from './demo-lifecycle';
import { DemoSeeder } from './demo-seeder';

/**
 * Demo data for DEMO=1 / `npm run demo`: staff, citizens' contacts through the intake pipeline and
 * cases along their life cycle, seeded once on start. Does nothing unless the flag is set.
 */
@Module({
  imports: [IdentityModule, IntakeModule, CasesModule, CitizensModule],
  providers: [DemoSeeder, DemoLifecycle, DemoHistoryRepository],
})
export class DemoModule {}
