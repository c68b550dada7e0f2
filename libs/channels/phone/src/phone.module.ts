import { Module } from '@nestjs/common';
import { CasesModule } from '@kontakt/cases';
import { IntakeModule } from '@kontakt/intake';
import { TopicsModule } from '@kontakt/topics';
import { PhoneAdminController } from './admin/phone-admin.controller';
import { PhoneAdminService } from './admin/phone-admin.service';
import { DirectLines } from './numbers/direct-lines';
import { TwilioNumbersAdmin } from './numbers/twilio-numbers-admin.service';
import { TwilioNumbersController } from './numbers/twilio-numbers.controller';
import { TwilioNumbersRepository } from './numbers/twilio-numbers.repository';
import { TwilioAccount } from './twilio/twilio-account';
import { TwilioAccountRepository } from './twilio/twilio-account.repository';
import { TwilioSignatureGuard } from './twilio/twilio-signature.guard';
import { CallFlow } from './voice/call-flow';
import { CallPriceFetcher } from './voice/call-price-fetcher';
import { CallRecords } from './voice/call-records';
import { CallRoutingRepository } from './voice/call-routing.repository';
import { PhoneCallsRepository } from './voice/phone-calls.repository';
import { VoiceWebhookController } from './voice/voice-webhook.controller';

/**
 * The phone channel through Twilio: the signed voice webhooks and their IVR, call records with cost,
 * call-backs and voicemail; and the Twilio account (with the signature guard) and its numbers, which
 * the SMS channel shares.
 */
@Module({
  imports: [IntakeModule, TopicsModule, CasesModule],
  controllers: [VoiceWebhookController, PhoneAdminController, TwilioNumbersController],
  providers: [
    TwilioAccountRepository, TwilioAccount, TwilioSignatureGuard, CallRoutingRepository, PhoneCallsRepository, CallRecords, CallPriceFetcher,
    CallFlow, PhoneAdminService, TwilioNumbersRepository, TwilioNumbersAdmin, DirectLines,
  ],
  exports: [TwilioAccount, TwilioSignatureGuard, DirectLines],
})
export class PhoneModule {}
