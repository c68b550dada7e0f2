import { Module } from '@nestjs/common';
import { CasesModule } from '@kontakt/cases';
import { CitizensModule } from '@kontakt/citizens';
import { TopicsModule } from '@kontakt/topics';
import { IntakeService } from './intake.service';

/** The intake pipeline every channel adapter delivers its InboundContact to. */
@Module({
  imports: [CasesModule, CitizensModule, TopicsModule],
  providers: [IntakeService],
  exports: [IntakeService],
})
export class IntakeModule {}
