import { BadRequestException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength, validate } from 'class-validator';

/** The form fields beside `files` when the mailroom registers letters. */
export class RegisterLettersDto {
  @ApiPropertyOptional({ example: 'Karen Hansen', description: 'as the letter is signed; optional when the letter shows it' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  senderName?: string;

  @ApiPropertyOptional({ example: 'Skolegade 3\n8660 Skanderborg', description: 'street and number, then postcode and town; optional when the letter shows it' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(300)
  senderAddress?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'the date (or time) the letter arrived; default now' })
  @IsOptional() @IsISO8601({ strict: true }, { message: 'receivedAt must be a date such as 2026-12-01 or a time such as 2026-12-01T09:30:00Z' })
  receivedAt?: string;

  @ApiPropertyOptional({ example: 'affald', description: 'a topic slug; without it the letter is classified by its text' })
  @IsOptional() @Matches(/^[a-z0-9-]{2,60}$/, { message: 'topic must be a topic slug' })
  topic?: string;
}

export class LetterTextDto {
  @ApiProperty({ description: 'the letter as a person read it' })
  @IsString() @MinLength(1) @MaxLength(100_000)
  text!: string;
}

export const SCAN_STATUSES = ['pending', 'done', 'manual_reading'] as const;

export class ScanListQueryDto {
  @ApiPropertyOptional({ enum: SCAN_STATUSES }) @IsOptional() @IsIn(SCAN_STATUSES, { message: `status must be one of ${SCAN_STATUSES.join(', ')}` })
  status?: (typeof SCAN_STATUSES)[number];
}

export class BatchListQueryDto {
  @ApiPropertyOptional({ example: '2026-12-02', description: 'batches made on this day (in TIME_ZONE); default today' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}

export class BatchPdfQueryDto {
  @ApiPropertyOptional({ enum: ['0', '1'], description: '1: a blank page after each letter with an odd page count' })
  @IsOptional() @IsIn(['0', '1'], { message: 'duplex must be 0 or 1' })
  duplex?: '0' | '1';
}

/** Multipart fields skip Nest's body pipe; they are checked here the same way: unknown fields refused, each message naming its field. */
export async function validRegistration(fields: Record<string, unknown>): Promise<RegisterLettersDto> {
  const dto = plainToInstance(RegisterLettersDto, fields);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  if (errors.length > 0) {
    const messages = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => (m.endsWith(' should not exist') ? `${e.property} is not a field this endpoint accepts` : m)));
    throw new BadRequestException(messages.join('; '));
  }
  return dto;
}
