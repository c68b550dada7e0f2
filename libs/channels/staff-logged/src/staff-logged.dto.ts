import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export const STAFF_LOGGED_CHANNELS = ['phone', 'counter'] as const;
export const STAFF_LOGGED_OUTCOMES = ['completed', 'follow-up-needed', 'referred', 'no-answer', 'busy', 'left-message'] as const;

export class LoggedCitizenDto {
  @ApiPropertyOptional({ example: 'Karen Hansen' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) @Matches(/^[^\r\n\0]*$/, { message: 'citizen.name must be one line' }) name?: string;
  @ApiPropertyOptional({ example: '+4520123456' }) @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional({ example: 'karen@example.dk' }) @IsOptional() @IsEmail({}, { message: 'citizen.email must be an email address' }) email?: string;
}

/** A phone call outside Twilio or a counter visit, logged by the member of staff who handled it. */
export class LogStaffContactDto {
  @ApiProperty({ enum: STAFF_LOGGED_CHANNELS }) @IsIn(STAFF_LOGGED_CHANNELS, { message: 'channel must be phone or counter' }) channel!: (typeof STAFF_LOGGED_CHANNELS)[number];
  @ApiPropertyOptional({ description: 'the case it belongs to; without it a new case opens for the citizen' }) @IsOptional() @IsUUID('all', { message: 'caseId must be a case id' }) caseId?: string;
  @ApiPropertyOptional({ type: LoggedCitizenDto, description: 'who it was, for a new case' }) @IsOptional() @ValidateNested() @Type(() => LoggedCitizenDto) citizen?: LoggedCitizenDto;
  @ApiPropertyOptional({ example: 'affald' }) @IsOptional() @Matches(/^[a-z0-9-]{2,60}$/, { message: 'topic must be a topic slug' }) topic?: string;
  @ApiProperty({ description: 'what it was about and what was agreed' }) @IsString() @MinLength(1, { message: 'summary must not be empty' }) @MaxLength(20_000) summary!: string;
  @ApiProperty({ example: 420 }) @IsInt({ message: 'durationSeconds must be a whole number' }) @Min(0) @Max(86_400) durationSeconds!: number;
  @ApiProperty({ enum: STAFF_LOGGED_OUTCOMES }) @IsIn(STAFF_LOGGED_OUTCOMES, { message: `outcome must be one of ${STAFF_LOGGED_OUTCOMES.join(', ')}` }) outcome!: (typeof STAFF_LOGGED_OUTCOMES)[number];
  @ApiPropertyOptional({ enum: ['inbound', 'outbound'], default: 'inbound', description: 'outbound: staff called the citizen (on an existing case)' })
  @IsOptional() @IsIn(['inbound', 'outbound'], { message: 'direction must be inbound or outbound' }) direction?: 'inbound' | 'outbound';
  @ApiPropertyOptional({ description: 'when it happened (default now); not in the future' }) @IsOptional() @IsDateString({}, { message: 'occurredAt must be an ISO 8601 date-time' }) occurredAt?: string;
}
