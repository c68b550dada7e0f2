import { Module, OnModuleInit } from '@nestjs/common';
import { IntakeModule } from '@kontakt/intake';
import { OutboxChannels } from '@kontakt/outbox';
import { PhoneModule } from '@kontakt/channels/phone';
import { InboundSms } from './inbound-sms';
import { SmsReplyComposer } from './sms-reply-composer';
import { SmsMessagesController } from './sms-messages.controller';
import { SmsWebhookController } from './sms-webhook.controller';
import { SmsRepository } from './sms.repository';
import { TwilioSmsDeliveryAdapter } from './twilio-sms-delivery-adapter';

/** The SMS channel through Twilio: inbound texts into intake, STOP/START, replies through the outbox. */
@Module({
  imports: [IntakeModule, PhoneModule],
  controllers: [SmsWebhookController, SmsMessagesController],
  providers: [SmsRepository, InboundSms, SmsReplyComposer, TwilioSmsDeliveryAdapter],
})
export class SmsModule implements OnModuleInit {
  constructor(private readonly channels: OutboxChannels, private readonly adapter: TwilioSmsDeliveryAdapter, private readonly composer: SmsReplyComposer) {}

  onModuleInit(): void {
    this.channels.register(this.adapter, this.composer);
  }
}
