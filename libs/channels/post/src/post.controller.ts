import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '@kontakt/config';
import { notFound } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { CurrentStaff, StaffPrincipal } from '@kontakt/identity';
import { LetterReading } from './letter-reading';
import { LetterTextDto, ScanListQueryDto, validRegistration } from './post.dto';
import { PostScansRepository, ScanRow } from './post-scans.repository';
import { LettersRefused, RegisterLetters } from './register-letters';
import { apiLanguage, readScanUpload } from './scan-upload';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') });

const scanView = (s: ScanRow) => ({
  contactId: s.contact_id, caseId: s.case_id, reference: s.reference, filename: s.filename, contentType: s.content_type, pages: s.pages,
  status: s.status, method: s.method, reason: s.reason, attempts: s.attempts, receivedAt: s.received_at, readAt: s.completed_at,
  scanUrl: `/api/v1/attachments/${s.attachment_id}`,
});

/** The mailroom: registering scanned letters, and following how each one is read. */
@ApiTags('post')
@ApiBearerAuth()
@Controller('api/v1/post')
export class PostController {
  constructor(
    private readonly register: RegisterLetters,
    private readonly reading: LetterReading,
    private readonly scans: PostScansRepository,
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  /** multipart/form-data: one or more scans (PDF, PNG, JPEG, TIFF) in `files`, with senderName, senderAddress, receivedAt, topic. */
  @Post('letters')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object', required: ['files'],
      properties: {
        files: { type: 'array', items: { type: 'string', format: 'binary' } }, senderName: { type: 'string' }, senderAddress: { type: 'string' },
        receivedAt: { type: 'string', example: '2026-12-01' }, topic: { type: 'string' },
      },
    },
  })
  async registerLetters(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const upload = await readScanUpload(request, response, this.config.postMaxUploadBytes);
    const fields = await validRegistration(upload.fields);
    try {
      return { letters: await this.register.execute(upload.files, fields) };
    } catch (error) {
      if (error instanceof LettersRefused) throw new BadRequestException(error.describe(apiLanguage(request)));
      throw error;
    }
  }

  @Get('scans')
  async list(@Query() query: ScanListQueryDto) {
    return { items: (await this.scans.list(this.db, query.status, 500)).map(scanView) };
  }

  @Get('scans/:contactId')
  async scan(@Param('contactId', uuid) contactId: string) {
    const row = await this.scans.byContact(this.db, contactId);
    if (!row) throw notFound(`Letter ${contactId}`);
    return scanView(row);
  }

  /** The text of a letter OCR could not read (or has not read yet), typed by a person from the scan. */
  @Put('scans/:contactId/text')
  async typeText(@Param('contactId', uuid) contactId: string, @Body() body: LetterTextDto, @CurrentStaff() staff: StaffPrincipal) {
    await this.reading.record(contactId, body.text.trim(), 'manual', staff.userId);
    return this.scan(contactId);
  }
}
