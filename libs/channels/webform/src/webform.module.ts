import { Module } from '@nestjs/common';
import { CasesModule } from '@kontakt/cases';
import { IntakeModule } from '@kontakt/intake';
import { TopicsModule } from '@kontakt/topics';
import { PublicRateLimiter } from './public-rate-limiter';
import { WebformApiController } from './webform-api.controller';
import { WebformPagesController } from './webform-pages.controller';
import { WebformService } from './webform.service';

/** The web-form channel: the public form and status pages, and their JSON API. */
@Module({
  imports: [IntakeModule, CasesModule, TopicsModule],
  controllers: [WebformPagesController, WebformApiController],
  providers: [WebformService, PublicRateLimiter],
})
export class WebformModule {}
