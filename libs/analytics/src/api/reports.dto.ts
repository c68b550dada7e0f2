import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CHANNELS } from '@kontakt/core';
import type { Channel } from '@kontakt/core';
import { GROUPINGS } from '../domain/periods';
import type { Grouping } from '../domain/periods';
import { COST_MODELS } from '../domain/report-inputs';
import type { CostModel } from '../domain/report-inputs';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const SLUG = /^[a-z0-9-]{2,60}$/;
export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class PeriodQueryDto {
  @ApiProperty({ example: '2026-01-01' }) @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' }) to!: string;
  @ApiPropertyOptional({ example: 'affald' }) @IsOptional() @Matches(SLUG, { message: 'topic must be a topic slug' }) topic?: string;
  @ApiPropertyOptional({ example: 'borgerservice' }) @IsOptional() @Matches(SLUG, { message: 'queue must be a queue slug' }) queue?: string;
  @ApiPropertyOptional({ example: 'resident' }) @IsOptional() @Matches(/^[a-z0-9_-]{1,40}$/, { message: 'segment must be a segment name such as resident' }) segment?: string;
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json' })
  @IsOptional() @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` }) format: ExportFormat = 'json';
}

export class ChannelCostQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: GROUPINGS, default: 'month' })
  @IsOptional() @IsIn(GROUPINGS, { message: `groupBy must be one of ${GROUPINGS.join(', ')}` }) groupBy: Grouping = 'month';
  @ApiPropertyOptional({ enum: COST_MODELS, default: 'unit' })
  @IsOptional() @IsIn(COST_MODELS, { message: `costModel must be one of ${COST_MODELS.join(', ')}` }) costModel: CostModel = 'unit';
  @ApiPropertyOptional() @IsOptional() @Matches(DATE, { message: 'baselineFrom must be a date YYYY-MM-DD' }) baselineFrom?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE, { message: 'baselineTo must be a date YYYY-MM-DD' }) baselineTo?: string;
  @ApiPropertyOptional({ enum: ['periods', 'channels'], description: 'the table CSV and XLSX export (XLSX holds both when omitted)' })
  @IsOptional() @IsIn(['periods', 'channels'], { message: 'table must be periods or channels' }) table?: 'periods' | 'channels';
}

export class UnitCostDto {
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` }) channel!: Channel;
  @ApiProperty({ example: '2026-01-01' }) @Matches(DATE, { message: 'effectiveFrom must be a date YYYY-MM-DD' }) effectiveFrom!: string;
  @ApiProperty({ description: 'øre per contact', example: 14500 })
  @IsInt({ message: 'unitCostMinor must be a whole number of øre' }) @Min(0) @Max(100_000_000) unitCostMinor!: number;
  @ApiProperty({ description: 'loaded staff cost per hour in øre', example: 40000 })
  @IsInt({ message: 'staffCostPerHourMinor must be a whole number of øre' }) @Min(0) @Max(100_000_000) staffCostPerHourMinor!: number;
}

export class UnitCostsDto {
  @ApiProperty({ type: [UnitCostDto] })
  @ArrayMinSize(1, { message: 'costs must list at least one channel' }) @ArrayMaxSize(100)
  @ValidateNested({ each: true }) @Type(() => UnitCostDto) costs!: UnitCostDto[];
}

export class MonthlyReportQueryDto {
  @ApiProperty({ example: '2026-11' }) @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' }) month!: string;
}

export class SurveyAnswerDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @Type(() => Number) @IsInt({ message: 'score must be a whole number from 1 to 5' }) @Min(1, { message: 'score must be from 1 to 5' })
  @Max(5, { message: 'score must be from 1 to 5' }) score!: number;
}
