import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, Roles, StaffPrincipal } from '@kontakt/identity';
import { AssignDto, CaseListQueryDto, ChangeStatusDto, NoteDto, ReplyDto } from './cases.dto';
import { CasesService } from './cases.service';

const REPLY_MAX_FILES = 10;
const REPLY_MAX_FILE_BYTES = 10 * 1024 * 1024;

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') });

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get('cases')
  list(@Query() query: CaseListQueryDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.cases.list(query, staff);
  }

  @Get('cases/:id')
  detail(@Param('id', uuid) id: string) {
    return this.cases.detail(id);
  }

  /** Marks the case read for the caller, as opening it in the app does. */
  @Put('cases/:id/read')
  @HttpCode(204)
  async markRead(@Param('id', uuid) id: string, @CurrentStaff() staff: StaffPrincipal) {
    await this.cases.markRead(id, staff);
  }

  /** Marks the case unread for the caller again. */
  @Delete('cases/:id/read')
  @HttpCode(204)
  async markUnread(@Param('id', uuid) id: string, @CurrentStaff() staff: StaffPrincipal) {
    await this.cases.markUnread(id, staff);
  }

  @Patch('cases/:id')
  changeStatus(@Param('id', uuid) id: string, @Body() body: ChangeStatusDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.cases.changeStatus(id, body.status, staff);
  }

  @Post('cases/:id/assign')
  @Roles('supervisor', 'admin')
  assign(@Param('id', uuid) id: string, @Body() body: AssignDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.cases.assign(id, body.assigneeId, staff);
  }

  @Post('cases/:id/notes')
  note(@Param('id', uuid) id: string, @Body() body: NoteDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.cases.addNote(id, body.body, staff);
  }

  /** JSON, or multipart/form-data with the same fields and up to 10 files in `attachments` (10 MB each). */
  @Post('cases/:id/replies')
  @ApiConsumes('application/json', 'multipart/form-data')
  @UseInterceptors(FilesInterceptor('attachments', REPLY_MAX_FILES, { limits: { fileSize: REPLY_MAX_FILE_BYTES, files: REPLY_MAX_FILES } }))
  reply(@Param('id', uuid) id: string, @Body() body: ReplyDto, @CurrentStaff() staff: StaffPrincipal, @UploadedFiles() files: Express.Multer.File[] = []) {
    const attachments = files.map((f) => ({ filename: f.originalname, contentType: f.mimetype || 'application/octet-stream', content: f.buffer }));
    return this.cases.reply(id, body.body, body.channel, staff, attachments);
  }

  @Get('attachments/:id')
  async attachment(@Param('id', uuid) id: string, @Res() response: Response) {
    const file = await this.cases.attachment(id);
    response
      .set({
        'Content-Type': file.content_type,
        'Content-Length': String(file.size_bytes),
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      })
      .send(file.content);
  }
}
