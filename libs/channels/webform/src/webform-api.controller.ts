import { BadRequestException, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@kontakt/identity';
import { parseForm } from './multipart-form';
import { apiLanguage, statedLanguage } from './request-language';
import { SubmissionRejected } from './submission-errors';
import { RateLimited, SUBMISSION_KEY_PATTERN, WebformService } from './webform.service';
import { describe } from './webform-submission';
import { WebformSubmissionDto } from './webform.dto';

/** The optional Idempotency-Key header: a retry with the same key returns the first answer instead of a second case. */
function submissionKey(request: Request): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !SUBMISSION_KEY_PATTERN.test(key)) {
    throw new BadRequestException('Idempotency-Key must be 16–100 letters, digits, - or _ (for example a UUID)');
  }
  return key;
}

const SUBMISSION_FIELDS = ['name', 'email', 'phone', 'topic', 'subject', 'message', 'website'];
const FOLLOW_UP_FIELDS = ['message'];

/** The web form as JSON (or multipart with `attachments`), for the municipality's own site and apps. */
@ApiTags('public web form')
@Public()
@Controller('api/v1/public')
export class WebformApiController {
  constructor(private readonly webform: WebformService) {}

  @Post('webform')
  @HttpCode(201)
  @ApiBody({ type: WebformSubmissionDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retrying with the same key returns the same case' })
  async submit(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const form = await this.read(request, response, SUBMISSION_FIELDS);
    const key = submissionKey(request);
    const submitted = await this.guard(response, () => this.webform.submit(form.fields, form.files, request.ip ?? 'unknown', statedLanguage(request), key), request);
    return { reference: submitted.reference, statusUrl: submitted.statusUrl };
  }

  @Get('status/:token')
  status(@Param('token') token: string) {
    return this.webform.view(token);
  }

  @Post('status/:token/messages')
  @HttpCode(201)
  async followUp(@Param('token') token: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const form = await this.read(request, response, FOLLOW_UP_FIELDS);
    const key = submissionKey(request);
    const submitted = await this.guard(response, () => this.webform.followUp(token, form.fields.message, form.files, request.ip ?? 'unknown', key), request);
    return { reference: submitted.reference, statusUrl: submitted.statusUrl };
  }

  private async read(request: Request, response: Response, allowed: string[]) {
    const form = await parseForm(request, response);
    if (form.errors.length > 0) throw new BadRequestException(describe(form.errors, apiLanguage(request)));
    if (typeof form.fields !== 'object' || form.fields === null || Array.isArray(form.fields)) throw new BadRequestException('The body must be a JSON object');
    const unknown = Object.keys(form.fields).filter((k) => !allowed.includes(k));
    if (unknown.length > 0) throw new BadRequestException(`${unknown.join(', ')} ${unknown.length === 1 ? 'is not a field' : 'are not fields'} this endpoint accepts; it accepts ${allowed.join(', ')}`);
    return form;
  }

  private async guard<T>(response: Response, work: () => Promise<T>, request: Request): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SubmissionRejected) throw new BadRequestException(describe(error.errors, apiLanguage(request)));
      if (error instanceof RateLimited) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}
