import { Injectable } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import type { Language } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { normalisePhone } from '@kontakt/citizens';
import { TopicsService } from '@kontakt/topics';
import { DirectLines } from '../numbers/direct-lines';
import { countOf, sidOf, textOf, WebhookParams } from '../twilio/webhook-params';
import { CallPriceFetcher } from './call-price-fetcher';
import { CallRecords, CallStart, CallTopic } from './call-records';
import { CallRoutingRepository } from './call-routing.repository';
import { callbackDueAt, isOpen, openingPeriodFrom } from './callback-due';
import { IVR, spokenHours, spokenTime } from './ivr-texts';
import { IvrTwiml, VoiceUrl } from './ivr-twiml';

const FINAL_STATUSES = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];

/**
 * The call flow behind /webhooks/twilio/voice: language, topic (skipped on a queue's direct line), then
 * put through to an agent when the topic's queue is open and someone can take the call; otherwise
 * (closed, busy, not answered) a call-back or a voicemail. Each method answers one Twilio request with TwiML.
 */
@Injectable()
export class CallFlow {
  constructor(
    private readonly config: AppConfig,
    private readonly db: Database,
    private readonly routing: CallRoutingRepository,
    private readonly topics: TopicsService,
    private readonly records: CallRecords,
    private readonly prices: CallPriceFetcher,
    private readonly lines: DirectLines,
  ) {}

  readonly url: VoiceUrl = (path, query) => `${this.config.publicBaseUrl}/webhooks/twilio/voice${path}${query ? `?${new URLSearchParams(query)}` : ''}`;

  welcome(params: WebhookParams): string {
    sidOf(params, 'CallSid');
    return IvrTwiml.chooseLanguage(this.url);
  }

  /** After the language: the topic menu, or straight on with the queue's topic when the caller dialled its direct line. */
  async topicMenu(params: WebhookParams): Promise<string> {
    sidOf(params, 'CallSid');
    const language: Language = textOf(params, 'Digits') === '2' ? 'en' : 'da';
    const direct = await this.lines.topicFor(textOf(params, 'To', 40), 'voice');
    if (direct) return this.putThrough(params, language, direct);
    const menu = await this.routing.menu(this.db);
    return IvrTwiml.chooseTopic(this.url, language, menu.map((m) => ({ digit: m.digit, name: language === 'en' ? m.nameEn : m.nameDa })));
  }

  async topicChosen(params: WebhookParams, language: Language): Promise<string> {
    const menu = await this.routing.menu(this.db);
    const digit = countOf(params, 'Digits');
    return this.putThrough(params, language, menu.find((m) => m.digit === digit) ?? (await this.defaultTopic()));
  }

  private async putThrough(params: WebhookParams, language: Language, topic: CallTopic): Promise<string> {
    const start = this.callStart(params, language, topic);
    const hours = await this.routing.queueHours(this.db, topic.queueId);
    const now = new Date();
    if (!isOpen(now, hours, this.config.timeZone)) {
      const opens = openingPeriodFrom(now, hours, this.config.timeZone)?.opensAt;
      const closed = IVR.closed(spokenHours(hours ?? {}, language), opens ? spokenTime(opens, language, this.config.timeZone) : '');
      return IvrTwiml.offerOptions(this.url, language, topic.slug, [closed]);
    }
    const agent = await this.routing.availableAgent(this.db, topic.id, topic.queueId, language);
    if (!agent) return IvrTwiml.offerOptions(this.url, language, topic.slug, [IVR.allBusy]);
    await this.records.connected(start, agent.userId);
    return IvrTwiml.connect(this.url, language, topic.slug, agent.endpoint);
  }

  async dialled(params: WebhookParams, language: Language, topicSlug: string | undefined): Promise<string> {
    const start = this.callStart(params, language, await this.topicBySlug(topicSlug));
    const status = textOf(params, 'DialCallStatus', 40) ?? 'failed';
    await this.records.dialled(start, status);
    if (status === 'completed' || status === 'answered') return IvrTwiml.empty();
    return IvrTwiml.offerOptions(this.url, language, start.topic!.slug, [IVR.noAnswer]);
  }

  async choice(params: WebhookParams, language: Language, topicSlug: string | undefined): Promise<string> {
    const topic = await this.topicBySlug(topicSlug);
    const start = this.callStart(params, language, topic);
    const digits = textOf(params, 'Digits');
    if (digits === '2') return IvrTwiml.recordVoicemail(this.url, language, topic.slug);
    if (digits !== '1') return IvrTwiml.farewell(language, IVR.noChoice);
    if (!start.from) return IvrTwiml.recordVoicemail(this.url, language, topic.slug, IVR.noNumber);
    const dueAt = callbackDueAt(new Date(), await this.routing.queueHours(this.db, topic.queueId), this.config.timeZone);
    const due = { da: spokenTime(dueAt, 'da', this.config.timeZone), en: spokenTime(dueAt, 'en', this.config.timeZone) };
    await this.records.callbackRequested({ ...start, from: start.from }, dueAt, due);
    return IvrTwiml.farewell(language, IVR.callbackPromised(due[language]));
  }

  async recorded(params: WebhookParams, language: Language, topicSlug: string | undefined): Promise<string> {
    const start = this.callStart(params, language, await this.topicBySlug(topicSlug));
    const recordingSid = sidOf(params, 'RecordingSid');
    const recordingUrl = textOf(params, 'RecordingUrl', 500);
    if (!recordingUrl || !/^https?:\/\//.test(recordingUrl)) return IvrTwiml.farewell(language, IVR.noChoice);
    await this.records.voicemail(start, recordingSid, recordingUrl, countOf(params, 'RecordingDuration'));
    return IvrTwiml.farewell(language, IVR.messageReceived);
  }

  async transcription(params: WebhookParams): Promise<string> {
    const recordingSid = sidOf(params, 'RecordingSid');
    const text = textOf(params, 'TranscriptionText', 10_000);
    if (text && textOf(params, 'TranscriptionStatus') !== 'failed') await this.records.transcribed(recordingSid, text);
    return IvrTwiml.empty();
  }

  /** The call's status callback: only a final status is recorded; its price is fetched afterwards. */
  async status(params: WebhookParams): Promise<string> {
    const status = textOf(params, 'CallStatus', 40);
    if (!status || !FINAL_STATUSES.includes(status)) return IvrTwiml.empty();
    const start = this.callStart(params, 'da', undefined);
    if (await this.records.finished(start, status, countOf(params, 'CallDuration'))) this.prices.fetchSoon(start.callSid);
    return IvrTwiml.empty();
  }

  private callStart(params: WebhookParams, language: Language, topic: CallTopic | undefined): CallStart {
    const from = textOf(params, 'From', 40);
    return { callSid: sidOf(params, 'CallSid'), from: from ? normalisePhone(from) : undefined, language, topic };
  }

  private async defaultTopic(): Promise<CallTopic> {
    const active = await this.topics.active();
    const topic = active.find((t) => t.isDefault) ?? active[0];
    return { id: topic.id, slug: topic.slug, nameDa: topic.nameDa, nameEn: topic.nameEn, queueId: topic.queueId };
  }

  private async topicBySlug(slug: string | undefined): Promise<CallTopic> {
    const topic = slug ? (await this.topics.active()).find((t) => t.slug === slug) : undefined;
    return topic ? { id: topic.id, slug: topic.slug, nameDa: topic.nameDa, nameEn: topic.nameEn, queueId: topic.queueId } : this.defaultTopic();
  }
}
