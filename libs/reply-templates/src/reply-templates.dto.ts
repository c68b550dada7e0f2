import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const ONE_LINE = /^[^\r\n\0]*$/;

/** A reply template in Danish and English; bodies may use {navn}, {sag}, {emne} and {medarbejder}. */
export class ReplyTemplateDto {
  @ApiProperty({ example: 'Kvittering' })
  @IsString() @MinLength(1, { message: 'nameDa must not be empty' }) @MaxLength(120) @Matches(ONE_LINE, { message: 'nameDa must be one line' })
  nameDa!: string;

  @ApiProperty({ example: 'Acknowledgement' })
  @IsString() @MinLength(1, { message: 'nameEn must not be empty' }) @MaxLength(120) @Matches(ONE_LINE, { message: 'nameEn must be one line' })
  nameEn!: string;

  @ApiProperty({ example: 'Kære {navn}\n\nTak for din henvendelse. Vi behandler den under sagsnummer {sag}.\n\nVenlig hilsen\n{medarbejder}' })
  @IsString() @MinLength(1, { message: 'bodyDa must not be empty' }) @MaxLength(10_000)
  bodyDa!: string;

  @ApiProperty({ example: 'Dear {navn}\n\nThank you for your enquiry. We are handling it as case {sag}.\n\nKind regards\n{medarbejder}' })
  @IsString() @MinLength(1, { message: 'bodyEn must not be empty' }) @MaxLength(10_000)
  bodyEn!: string;

  @ApiPropertyOptional({ description: 'order in the composer, smallest first', default: 0 })
  @IsOptional() @IsInt({ message: 'position must be a whole number' }) @Min(0) @Max(10_000)
  position?: number;
}
