import { Body, Controller, HttpCode, Post, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Language } from '@kontakt/core';
import { Public } from '@kontakt/identity';
import { TwilioSignatureGuard } from '../twilio/twilio-signature.guard';
import { TwimlResponse } from '../twilio/twiml-response.interceptor';
import type { WebhookParams } from '../twilio/webhook-params';
import { CallFlow } from './call-flow';

const languageOf = (lang: unknown): Language => (lang === 'en' ? 'en' : 'da');
const slugOf = (topic: unknown): string | undefined => (typeof topic === 'string' && /^[a-z0-9-]{2,60}$/.test(topic) ? topic : undefined);

/** Twilio's voice webhooks: every request signed by Twilio, every answer TwiML. See the README's call flow. */
@ApiExcludeController()
@Public()
@Controller('webhooks/twilio/voice')
@UseGuards(TwilioSignatureGuard)
@UseInterceptors(TwimlResponse)
export class VoiceWebhookController {
  constructor(private readonly flow: CallFlow) {}

  @Post()
  @HttpCode(200)
  incoming(@Body() params: WebhookParams) {
    return this.flow.welcome(params);
  }

  @Post('language')
  @HttpCode(200)
  language(@Body() params: WebhookParams) {
    return this.flow.topicMenu(params);
  }

  @Post('topic')
  @HttpCode(200)
  topic(@Body() params: WebhookParams, @Query('lang') lang: unknown) {
    return this.flow.topicChosen(params, languageOf(lang));
  }

  @Post('dialled')
  @HttpCode(200)
  dialled(@Body() params: WebhookParams, @Query('lang') lang: unknown, @Query('topic') topic: unknown) {
    return this.flow.dialled(params, languageOf(lang), slugOf(topic));
  }

  @Post('choice')
  @HttpCode(200)
  choice(@Body() params: WebhookParams, @Query('lang') lang: unknown, @Query('topic') topic: unknown) {
    return this.flow.choice(params, languageOf(lang), slugOf(topic));
  }

  @Post('recorded')
  @HttpCode(200)
  recorded(@Body() params: WebhookParams, @Query('lang') lang: unknown, @Query('topic') topic: unknown) {
    return this.flow.recorded(params, languageOf(lang), slugOf(topic));
  }

  @Post('transcription')
  @HttpCode(200)
  transcription(@Body() params: WebhookParams) {
    return this.flow.transcription(params);
  }

  @Post('status')
  @HttpCode(200)
  status(@Body() params: WebhookParams) {
    return this.flow.status(params);
  }
}
