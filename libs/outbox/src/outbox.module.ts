import { Global, Module } from '@nestjs/common';
import { OutboxChannels } from './outbox-channels';
import { OutboxRepository } from './outbox.repository';
import { OutboxWorker } from './outbox.worker';

/**
 * The transactional outbox every sending channel reuses: rows written in the same transaction as the
 * reply, delivered by the OutboxWorker through the adapter each channel registers in OutboxChannels.
 */
@Global()
@Module({
  providers: [OutboxRepository, OutboxChannels, OutboxWorker],
  exports: [OutboxRepository, OutboxChannels],
})
export class OutboxModule {}
