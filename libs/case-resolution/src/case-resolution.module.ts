import { Module } from '@nestjs/common';
import { CasesModule } from '@kontakt/cases';
import { CaseResolutionController } from './case-resolution.controller';
import { CaseResolutionsRepository } from './case-resolutions.repository';
import { ResolveCase } from './resolve-case';

/** Resolving cases with an outcome code (answered, referred, no action, duplicate). */
@Module({
  imports: [CasesModule],
  controllers: [CaseResolutionController],
  providers: [CaseResolutionsRepository, ResolveCase],
})
export class CaseResolutionModule {}
