import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

// class-validator checks a property's decorators from the last one up: the type check is last, so a
// value of the wrong type is refused for its type (stopAtFirstError) rather than for its content.

/** Countries a letter can be addressed to: the letter layout and the address parser are Danish. */
export const ADDRESS_COUNTRIES = ['DK'] as const;
const ONE_LINE = /^[^\r\n]*\S[^\r\n]*$/;

export class CitizenAddressDto {
  @ApiPropertyOptional({ example: 'Karen Hansen', description: "the citizen's name as a letter to them should show it" })
  @Matches(ONE_LINE, { message: 'name must be one line and not blank' }) @MaxLength(100, { message: 'name must be at most 100 characters' })
  @IsString({ message: 'name must be text' }) @IsOptional()
  name?: string;

  @ApiProperty({ example: ['Skolegade 3, 1. th.'], description: 'street and house number first, then any floor, side or other line (up to 3 lines)' })
  @Matches(ONE_LINE, { each: true, message: 'street lines must each be one line and not blank' })
  @MaxLength(100, { each: true, message: 'street lines must be at most 100 characters' }) @IsString({ each: true, message: 'street lines must be text' })
  @ArrayMaxSize(3, { message: 'street must have at most 3 lines' }) @ArrayMinSize(1, { message: 'street must have at least one line' })
  @IsArray({ message: 'street must be a list of lines' })
  street!: string[];

  @ApiProperty({ example: '8660', description: '4 digits for a Danish address' })
  @Matches(/^\s*\d{4}\s*$/, { message: 'postcode must be 4 digits for a Danish address' }) @IsString({ message: 'postcode must be text of 4 digits' })
  postcode!: string;

  @ApiProperty({ example: 'Skanderborg' })
  @Matches(/^\s*\p{L}[\p{L} .'-]*$/u, { message: 'city must be a town name (letters, spaces, dots, hyphens)' })
  @MaxLength(60, { message: 'city must be at most 60 characters' }) @IsString({ message: 'city must be text' })
  city!: string;

  @ApiPropertyOptional({ enum: ADDRESS_COUNTRIES, default: 'DK' })
  @IsOptional() @IsIn(ADDRESS_COUNTRIES, { message: 'country must be DK: letters can only be addressed to Danish addresses' })
  country?: (typeof ADDRESS_COUNTRIES)[number];
}
