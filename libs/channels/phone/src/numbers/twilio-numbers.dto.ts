import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const NUMBER_KINDS = ['voice', 'sms'] as const;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

// class-validator checks a property's decorators from the last to the first and stops at the first
// failure, so the type check comes last: a wrong type is told as such, not as a wrong length.

/** One of the municipality's Twilio numbers; PUT replaces every field. */
export class TwilioNumberDto {
  @ApiProperty({ example: '+4570123456', description: 'E.164, or a Danish national number such as 70 12 34 56' })
  @MaxLength(30, { message: 'number must be a phone number such as +4570123456' })
  @IsString({ message: 'number must be a phone number such as +4570123456' })
  number!: string;

  @ApiProperty({ example: 'Teknik og miljø, direkte' })
  @Transform(trimmed) @MaxLength(100, { message: 'label must be at most 100 characters' }) @MinLength(1, { message: 'label must not be empty' })
  @IsString({ message: 'label must be text' })
  label!: string;

  @ApiPropertyOptional({ example: 'teknik-og-miljoe', nullable: true, description: 'the queue this number is the direct line of; absent or null for the main number' })
  @IsOptional() @Matches(/^[a-z0-9-]{2,60}$/, { message: 'queue must be a queue slug' })
  queue?: string | null;

  @ApiProperty({ enum: NUMBER_KINDS, isArray: true, example: ['voice', 'sms'] })
  @IsIn(NUMBER_KINDS, { each: true, message: 'kinds must be a list of voice and/or sms' })
  @ArrayUnique({ message: 'kinds must not repeat' }) @ArrayMaxSize(2, { message: 'kinds must name voice, sms or both' }) @ArrayNotEmpty({ message: 'kinds must name voice, sms or both' })
  @IsArray({ message: 'kinds must be a list of voice and/or sms' })
  kinds!: (typeof NUMBER_KINDS)[number][];
}
