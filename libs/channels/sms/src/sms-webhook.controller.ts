import { Body, Controller, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@kontakt/identity';
import { TwilioSignatureGuard, TwimlResponse, WebhookParams } from '@kontakt/channels/phone';
import { InboundSms } from './inbound-sms';

/** Twilio's inbound SMS webhook, signed by Twilio; answered with TwiML. */
@ApiExcludeController()
@Public()
@Controller('webhooks/twilio/sms')
@UseGuards(TwilioSignatureGuard)
@UseInterceptors(TwimlResponse)
export class SmsWebhookController {
  constructor(private readonly inbound: InboundSms) {}

  @Post()
  @HttpCode(200)
  receive(@Body() params: WebhookParams) {
    return this.inbound.receive(params);
  }
}
