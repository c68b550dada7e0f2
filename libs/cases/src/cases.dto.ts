import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CHANNELS } from '@kontakt/core';
import type { Channel } from '@kontakt/core';
import { CASE_STATUSES } from './case-status';
import type { CaseStatus } from './case-status';

const list = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

export class CaseListQueryDto {
  @ApiPropertyOptional({ description: 'one or more statuses, comma-separated', example: 'queued,assigned' })
  @IsOptional() @Transform(list) @IsIn(CASE_STATUSES, { each: true, message: `status must be among ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus[];

  @ApiPropertyOptional({ description: 'channel of origin, comma-separated', example: 'webform' })
  @IsOptional() @Transform(list) @IsIn(CHANNELS, { each: true, message: `channel must be among ${CHANNELS.join(', ')}` })
  channel?: Channel[];

  @ApiPropertyOptional({ example: 'borgerservice' }) @IsOptional() @Matches(/^[a-z0-9-]{2,60}$/, { message: 'queue must be a queue slug' }) queue?: string;
  @ApiPropertyOptional({ example: 'affald' }) @IsOptional() @Matches(/^[a-z0-9-]{2,60}$/, { message: 'topic must be a topic slug' }) topic?: string;

  @ApiPropertyOptional({ description: 'a staff user id, "me" or "none"' })
  @IsOptional() @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'assignee must be a staff user id, me or none' })
  assignee?: string;

  @ApiPropertyOptional({ description: 'a case reference or words to find in the contacts (Danish full text)' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) text?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;

  @ApiPropertyOptional({ default: 25, minimum: 1, maximum: 100 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'limit must be a whole number' }) @Min(1) @Max(100)
  limit: number = 25;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES, { message: `status must be one of ${CASE_STATUSES.join(', ')}` })
  status!: CaseStatus;
}

export class AssignDto {
  @ApiProperty() @IsUUID('all', { message: 'assigneeId must be a staff user id' }) assigneeId!: string;
}

export class NoteDto {
  @ApiProperty() @IsString() @MinLength(1, { message: 'body must not be empty' }) @MaxLength(20_000) body!: string;
}

export class ReplyDto {
  @ApiProperty() @IsString() @MinLength(1, { message: 'body must not be empty' }) @MaxLength(50_000) body!: string;

  @ApiPropertyOptional({ enum: CHANNELS, description: 'defaults to the channel the case came in on' })
  @IsOptional() @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel?: Channel;
}
