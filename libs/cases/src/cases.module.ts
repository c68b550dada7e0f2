import { Module } from '@nestjs/common';
import { CitizensModule } from '@kontakt/citizens';
import { CaseReadMarkersRepository } from './case-read-markers.repository';
import { CaseReadsRepository } from './case-reads.repository';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

/** Cases and their timeline of contacts, notes and events: the staff case API. */
@Module({
  imports: [CitizensModule],
  controllers: [CasesController],
  providers: [CasesRepository, CaseReadsRepository, CaseReadMarkersRepository, CasesService],
  exports: [CasesRepository, CaseReadsRepository, CasesService],
})
export class CasesModule {}
