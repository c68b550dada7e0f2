import { Module, OnModuleInit } from '@nestjs/common';
import { CasesModule } from '@kontakt/cases';
import { CitizensModule } from '@kontakt/citizens';
import { IntakeModule } from '@kontakt/intake';
import { OutboxChannels } from '@kontakt/outbox';
import { TopicsModule } from '@kontakt/topics';
import { LetterReading } from './letter-reading';
import { LetterReferenceThreading } from './letter-reference-threading';
import { PostController } from './post.controller';
import { PostReplyComposer } from './post-reply-composer';
import { PostScansRepository } from './post-scans.repository';
import { PrintBatches } from './print-batches';
import { PrintQueueController } from './print-queue.controller';
import { PrintQueueDelivery } from './print-queue-delivery';
import { PrintQueueRepository } from './print-queue.repository';
import { RegisterLetters } from './register-letters';
import { ScanReadingWorker } from './scan-reading.worker';

/**
 * The post channel: scanned letters registered by the mailroom into intake, read from the PDF's own
 * text or by OCR in a worker, and staff replies by post rendered as letters into a print queue that
 * the mailroom prints in batches and posts (postage recorded as the contact's cost).
 */
@Module({
  imports: [IntakeModule, CasesModule, CitizensModule, TopicsModule],
  controllers: [PostController, PrintQueueController],
  providers: [PostScansRepository, PrintQueueRepository, RegisterLetters, LetterReading, LetterReferenceThreading, ScanReadingWorker, PostReplyComposer, PrintQueueDelivery, PrintBatches],
})
export class PostModule implements OnModuleInit {
  constructor(private readonly channels: OutboxChannels, private readonly delivery: PrintQueueDelivery, private readonly composer: PostReplyComposer) {}

  onModuleInit(): void {
    this.channels.register(this.delivery, this.composer);
  }
}
