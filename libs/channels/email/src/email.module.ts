import { Module, OnModuleInit } from '@nestjs/common';
import { IntakeModule } from '@kontakt/intake';
import { OutboxChannels } from '@kontakt/outbox';
import { TopicsModule } from '@kontakt/topics';
import { BounceHandler } from './bounce-handler';
import { EmailAdminController } from './email-admin.controller';
import { EmailIngestor } from './email-ingestor';
import { EmailMessagesRepository } from './email-messages.repository';
import { EmailReplyComposer } from './email-reply-composer';
import { EmailThreadResolver } from './email-thread-resolver';
import { MailboxCursor } from './mailbox-cursor';
import { MailboxWatchers } from './mailbox-watchers';
import { MailboxesRepository } from './mailboxes.repository';
import { MailboxesService } from './mailboxes.service';
import { QuarantineService } from './quarantine.service';
import { SmtpDeliveryAdapter } from './smtp-delivery-adapter';

/**
 * The email channel: IMAP mailboxes watched into intake, replies and acknowledgements sent by SMTP
 * through the outbox, bounces and auto-replies kept from looping, poison messages quarantined.
 */
@Module({
  imports: [IntakeModule, TopicsModule],
  controllers: [EmailAdminController],
  providers: [
    MailboxesRepository, EmailMessagesRepository, MailboxesService, EmailThreadResolver, BounceHandler, EmailIngestor, MailboxCursor,
    MailboxWatchers, QuarantineService, SmtpDeliveryAdapter, EmailReplyComposer,
  ],
})
export class EmailModule implements OnModuleInit {
  constructor(private readonly channels: OutboxChannels, private readonly adapter: SmtpDeliveryAdapter, private readonly composer: EmailReplyComposer) {}

  onModuleInit(): void {
    this.channels.register(this.adapter, this.composer);
  }
}
