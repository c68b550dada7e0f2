import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const SLUG = /^[a-z0-9-]{2,60}$/;

export class CreateTopicDto {
  @ApiProperty({ example: 'skadedyr' }) @Matches(SLUG, { message: 'slug must be 2–60 lowercase letters, digits or dashes' }) slug!: string;
  @ApiProperty({ example: 'Skadedyr' }) @IsString() @MinLength(1) @MaxLength(100) nameDa!: string;
  @ApiProperty({ example: 'Pests' }) @IsString() @MinLength(1) @MaxLength(100) nameEn!: string;
  @ApiProperty({ example: 'teknik-og-miljoe' }) @Matches(SLUG, { message: 'queue must be a queue slug' }) queue!: string;

  @ApiPropertyOptional({ example: ['rotter', 'rats'] })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(60, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ enum: [1, 2, 3, 4], description: '1 low, 2 normal, 3 high, 4 urgent' })
  @IsOptional() @IsIn([1, 2, 3, 4], { message: 'priority must be 1 (low), 2 (normal), 3 (high) or 4 (urgent)' })
  priority?: 1 | 2 | 3 | 4;
}

export class UpdateTopicDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) nameDa?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(SLUG, { message: 'queue must be a queue slug' }) queue?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(60, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ enum: [1, 2, 3, 4] })
  @IsOptional() @IsIn([1, 2, 3, 4], { message: 'priority must be 1 (low), 2 (normal), 3 (high) or 4 (urgent)' })
  priority?: 1 | 2 | 3 | 4;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
