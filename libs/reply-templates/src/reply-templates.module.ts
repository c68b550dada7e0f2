import { Module } from '@nestjs/common';
import { ReplyTemplatesController } from './reply-templates.controller';
import { ReplyTemplatesRepository } from './reply-templates.repository';
import { ReplyTemplatesService } from './reply-templates.service';

/** Reply templates with placeholders, in Danish and English, kept by supervisors and admins. */
@Module({
  controllers: [ReplyTemplatesController],
  providers: [ReplyTemplatesRepository, ReplyTemplatesService],
})
export class ReplyTemplatesModule {}
