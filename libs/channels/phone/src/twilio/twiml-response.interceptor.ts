import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

/** Sends a webhook's TwiML as text/xml; errors keep the JSON body and type the exception filter gives them. */
@Injectable()
export class TwimlResponse implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<string>): Observable<string> {
    return next.handle().pipe(map((twiml) => {
      context.switchToHttp().getResponse<Response>().type('text/xml');
      return twiml;
    }));
  }
}
