import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { VULNERABILITY_FLAGS } from '@kontakt/citizens';
import type { VulnerabilityFlag } from '@kontakt/citizens';
import { PRESENCES } from '@kontakt/identity';
import type { Presence } from '@kontakt/identity';
import type { Channel } from '@kontakt/core';
import type { WeeklyHours } from '../domain/queue-settings';

const SLUG = /^[a-z0-9-]{2,60}$/;

export class QueueSettingsDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5) minLevel?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5) escalatedMinLevel?: number;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(604_800) escalateLevelAfterSeconds?: number;

  @ApiPropertyOptional({ description: 'slug of the overflow queue, or null for none', nullable: true })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(SLUG, { message: 'overflowQueue must be a queue slug or null' })
  overflowQueue?: string | null;

  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(604_800) escalateOverflowAfterSeconds?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() autoAccept?: boolean;

  @ApiPropertyOptional({ description: 'offer time in seconds per channel, e.g. {"phone": 30, "email": 120}' })
  @IsOptional() @IsObject() offerSeconds?: Partial<Record<Channel, number>>;

  @ApiPropertyOptional({ description: 'first-response target in business minutes per channel' })
  @IsOptional() @IsObject() firstResponseMinutes?: Partial<Record<Channel, number>>;

  @ApiPropertyOptional({ description: 'weekly hours in the municipality\'s time zone by ISO weekday, e.g. {"1": [["08:00", "16:00"]]}; null: always open', nullable: true })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsObject() businessHours?: WeeklyHours | null;

  @ApiPropertyOptional({ minimum: 0, description: 'minutes of waiting one priority step is worth' })
  @IsOptional() @IsInt() @Min(0) @Max(10_080) agingMinutesPerPriority?: number;

  @ApiPropertyOptional({ description: 'priority steps per citizen segment, e.g. {"business": -1}' })
  @IsOptional() @IsObject() segmentPriority?: Record<string, number>;

  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(10_080) nearBreachMinutes?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(365) stickyDays?: number;
}

export class PresenceChangeDto {
  @ApiProperty({ enum: PRESENCES }) @IsIn(PRESENCES, { message: `status must be one of ${PRESENCES.join(', ')}` }) status!: Presence;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reason?: string;
}

export class QueueSkillDto {
  @ApiProperty({ example: 'borgerservice' }) @Matches(SLUG, { message: 'skills.queue must be a queue slug' }) queue!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) level!: number;
}

export class QueueSkillsDto {
  @ApiProperty({ type: [QueueSkillDto] }) @ValidateNested({ each: true }) @ArrayMaxSize(100) @Type(() => QueueSkillDto) skills!: QueueSkillDto[];
}

export class TransferDto {
  @ApiProperty({ example: 'borgerservice' }) @Matches(SLUG, { message: 'queue must be a queue slug' }) queue!: string;
}

export class RejectDto {
  @ApiPropertyOptional({ example: 'needs a Ukrainian speaker' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class VulnerabilityFlagsDto {
  @ApiProperty({ enum: VULNERABILITY_FLAGS, isArray: true, description: 'the citizen\'s flags; an empty list clears them' })
  @IsArray({ message: 'flags must be a list' }) @ArrayMaxSize(VULNERABILITY_FLAGS.length * 2)
  @IsIn(VULNERABILITY_FLAGS, { each: true, message: `flags must each be one of ${VULNERABILITY_FLAGS.join(', ')}` })
  flags!: VulnerabilityFlag[];
}
