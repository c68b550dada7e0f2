import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '@kontakt/config';
import { DomainError, Language } from '@kontakt/core';
import { Public } from '@kontakt/identity';
import { parseForm } from './multipart-form';
import { renderFormPage } from './pages/form-page';
import { SECURITY_HEADERS } from './pages/html';
import { renderMessagePage, renderStatusPage, renderThanksPage } from './pages/status-pages';
import { pageLanguage } from './request-language';
import { SubmissionRejected } from './submission-errors';
import { text } from './texts';
import { RateLimited, SUBMISSION_KEY_PATTERN, WebformService } from './webform.service';

/** The key the page rendered into its form, so a double submit or a browser resubmission records one contact. */
function formKey(fields: Record<string, unknown>): string | undefined {
  return typeof fields.submission === 'string' && SUBMISSION_KEY_PATTERN.test(fields.submission) ? fields.submission : undefined;
}

/** The public pages: the contact form and the status page behind the private link. They work without JavaScript. */
@ApiExcludeController()
@Public()
@Controller()
export class WebformPagesController {
  private readonly logger = new Logger(WebformPagesController.name);

  constructor(
    private readonly webform: WebformService,
    private readonly config: AppConfig,
  ) {}

  @Get('contact')
  async form(@Req() request: Request, @Res() response: Response) {
    const language = pageLanguage(request);
    this.send(response, 200, renderFormPage({ language, topics: await this.webform.topicChoices() }));
  }

  @Post('contact')
  async submit(@Req() request: Request, @Res() response: Response) {
    const form = await parseForm(request, response);
    const language = pageLanguage(request, form.fields);
    const topics = await this.webform.topicChoices();
    if (form.errors.length > 0) return this.send(response, 400, renderFormPage({ language, topics, values: form.fields, errors: form.errors }));
    try {
      const submitted = await this.webform.submit(form.fields, form.files, request.ip ?? 'unknown', language, formKey(form.fields));
      this.send(response, 201, renderThanksPage(language, submitted.reference, submitted.statusUrl));
    } catch (error) {
      if (error instanceof SubmissionRejected) return this.send(response, 400, renderFormPage({ language, topics, values: form.fields, errors: error.errors }));
      this.problem(response, error, language);
    }
  }

  @Get('status/:token')
  async status(@Param('token') token: string, @Req() request: Request, @Res() response: Response) {
    const language = pageLanguage(request);
    try {
      const view = await this.webform.view(token);
      this.send(response, 200, renderStatusPage({ language, token, view, timeZone: this.config.timeZone, sent: request.query.sent === '1' }));
    } catch (error) {
      this.problem(response, error, language);
    }
  }

  @Post('status/:token')
  async followUp(@Param('token') token: string, @Req() request: Request, @Res() response: Response) {
    const form = await parseForm(request, response);
    const language = pageLanguage(request, form.fields);
    const message = typeof form.fields.message === 'string' ? form.fields.message : '';
    try {
      if (form.errors.length > 0) throw new SubmissionRejected(form.errors);
      await this.webform.followUp(token, form.fields.message, form.files, request.ip ?? 'unknown', formKey(form.fields));
      response.redirect(303, `/status/${token}?lang=${language}&sent=1`);
    } catch (error) {
      if (!(error instanceof SubmissionRejected)) return this.problem(response, error, language);
      const view = await this.webform.view(token);
      this.send(response, 400, renderStatusPage({ language, token, view, timeZone: this.config.timeZone, errors: error.errors, message }));
    }
  }

  private problem(response: Response, error: unknown, language: Language) {
    if (error instanceof RateLimited) {
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
      const wait = language === 'da' ? `Prøv igen om ${error.retryAfterSeconds} sekunder.` : `Try again in ${error.retryAfterSeconds} seconds.`;
      return this.send(response, 429, renderMessagePage(language, text(language, 'tooManyTitle'), wait));
    }
    if (error instanceof DomainError && error.kind === 'not_found') {
      return this.send(response, 404, renderMessagePage(language, text(language, 'notFoundTitle'), error.text?.[language] ?? error.message));
    }
    if (error instanceof DomainError && error.kind === 'conflict') {
      return this.send(response, 409, renderMessagePage(language, text(language, 'notFoundTitle'), text(language, 'closedNotice')));
    }
    throw error;
  }

  private send(response: Response, status: number, html: string) {
    response.status(status).set({ ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' }).send(html);
  }
}
