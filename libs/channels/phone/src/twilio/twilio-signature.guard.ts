import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import twilio from 'twilio';
import { AppConfig } from '@kontakt/config';
import { TwilioAccount } from './twilio-account';

/**
 * Lets a webhook through only when X-Twilio-Signature is the account's HMAC of the URL Twilio called
 * (PUBLIC_BASE_URL + path and query, as configured in Twilio) and the form parameters, checked by the
 * twilio library's own validator. Anything else, or no account set up, is 403.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger(TwilioSignatureGuard.name);

  constructor(private readonly account: TwilioAccount, private readonly config: AppConfig) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const signature = request.header(twilio.SIGNATURE_HEADER);
    const credentials = await this.account.credentials();
    const url = `${this.config.publicBaseUrl}${request.originalUrl}`;
    const params = request.is('application/x-www-form-urlencoded') && typeof request.body === 'object' && request.body ? (request.body as Record<string, unknown>) : {};
    if (!signature || !credentials || !twilio.validateRequest(credentials.authToken, signature, url, params)) {
      this.logger.warn({ event: 'twilio_signature_refused', path: request.path, reason: !signature ? 'missing' : !credentials ? 'no_account' : 'mismatch' });
      throw new ForbiddenException(credentials ? 'The X-Twilio-Signature header is missing or does not match this request' : 'Twilio is not set up on this server');
    }
    return true;
  }
}
