import twilio from 'twilio';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient';

const TWILIO_API = /^https:\/\/[a-z0-9.-]+\.twilio\.com/;

/**
 * twilio 6 only lets edge/region change the host name (always https); to reach a proxy or a local
 * stand-in of the REST API (TWILIO_API_BASE_URL), this client swaps the origin of every request and
 * hands it to the library's own RequestClient, so authentication, encoding and errors stay Twilio's.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 15_000 });
  }

  override request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: opts.uri.replace(TWILIO_API, this.baseUrl) });
  }
}
