import { BadRequestException, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffPrincipal } from '@kontakt/identity';
import { BatchListQueryDto, BatchPdfQueryDto } from './post.dto';
import { PrintBatches } from './print-batches';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') });

function sendPdf(response: Response, pdf: Buffer, filename: string): void {
  response
    .set({ 'Content-Type': 'application/pdf', 'Content-Length': String(pdf.length), 'Content-Disposition': `attachment; filename="${filename}"`, 'X-Content-Type-Options': 'nosniff' })
    .send(pdf);
}

/** Outgoing letters: the print queue, the day's batches as one PDF each, and marking a batch posted. */
@ApiTags('post')
@ApiBearerAuth()
@Controller('api/v1/post')
export class PrintQueueController {
  constructor(private readonly batches: PrintBatches) {}

  @Get('outgoing')
  async waiting() {
    return { items: await this.batches.waiting() };
  }

  @Get('outgoing/:id/pdf')
  async letterPdf(@Param('id', uuid) id: string, @Res() response: Response) {
    const letter = await this.batches.letterPdf(id);
    sendPdf(response, letter.pdf, `${letter.reference}.pdf`);
  }

  /** Takes every letter waiting to be printed into a new batch. */
  @Post('batches')
  @HttpCode(201)
  create(@CurrentStaff() staff: StaffPrincipal) {
    return this.batches.create(staff);
  }

  @Get('batches')
  async list(@Query() query: BatchListQueryDto) {
    return { items: await this.batches.batchesOn(query.date) };
  }

  @Get('batches/:id')
  detail(@Param('id', uuid) id: string) {
    return this.batches.detail(id);
  }

  /** `?duplex=1` adds a blank page after each letter with an odd page count, for printing on both sides. */
  @Get('batches/:id/pdf')
  async pdf(@Param('id', uuid) id: string, @Query() query: BatchPdfQueryDto, @Res() response: Response) {
    sendPdf(response, await this.batches.pdf(id, query.duplex === '1'), `batch-${id}.pdf`);
  }

  @Post('batches/:id/posted')
  @HttpCode(200)
  posted(@Param('id', uuid) id: string, @CurrentStaff() staff: StaffPrincipal) {
    return this.batches.posted(id, staff);
  }
}
