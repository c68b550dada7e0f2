import { Injectable } from '@nestjs/common';
import type { Channel } from '@kontakt/core';
import type { DeliveryAdapter, ReplyComposer } from './outbox-message';

/**
 * The channels that can send: each channel module registers its delivery adapter (used by the
 * OutboxWorker) and its reply composer (used when staff reply) when it starts.
 */
@Injectable()
export class OutboxChannels {
  private readonly adapters = new Map<Channel, DeliveryAdapter>();
  private readonly composers = new Map<Channel, ReplyComposer>();

  register(adapter: DeliveryAdapter, composer?: ReplyComposer): void {
    this.adapters.set(adapter.channel, adapter);
    if (composer) this.composers.set(composer.channel, composer);
  }

  adapter(channel: Channel): DeliveryAdapter | undefined {
    return this.adapters.get(channel);
  }

  composer(channel: Channel): ReplyComposer | undefined {
    return this.composers.get(channel);
  }

  replyChannels(): Channel[] {
    return [...this.composers.keys()];
  }
}
