import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@kontakt/identity';
import { TwilioSignatureGuard, WebhookParams } from '@kontakt/channels/phone';
import { InboundSms } from './inbound-sms';

/** Twilio's inbound SMS webhook, signed by Twilio; answered with TwiML. */
@ApiExcludeController()
@Public()
@Controller('webhooks/twilio/sms')
@UseGuards(TwilioSignatureGuard)
export class SmsWebhookController {
  constructor(private readonly inbound: InboundSms) {}

  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  receive(@Body() params: WebhookParams) {
    return this.inbound.receive(params);
  }
}
