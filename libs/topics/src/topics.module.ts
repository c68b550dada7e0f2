import { Module } from '@nestjs/common';
import { TopicsController } from './topics.controller';
import { TopicsRepository } from './topics.repository';
import { TopicsService } from './topics.service';

/** Queues, topics and the keyword rules intake classifies with. */
@Module({
  controllers: [TopicsController],
  providers: [TopicsRepository, TopicsService],
  exports: [TopicsService, TopicsRepository],
})
export class TopicsModule {}
