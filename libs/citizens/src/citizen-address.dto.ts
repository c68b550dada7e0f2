import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Countries a letter can be addressed to: the letter layout and the address parser are Danish. */
export const ADDRESS_COUNTRIES = ['DK'] as const;
const ONE_LINE = /^[^\r\n]*\S[^\r\n]*$/;

export class CitizenAddressDto {
  @ApiPropertyOptional({ example: 'Karen Hansen', description: "the citizen's name as a letter to them should show it" })
  @IsOptional() @IsString({ message: 'name must be text' }) @MaxLength(100, { message: 'name must be at most 100 characters' })
  @Matches(ONE_LINE, { message: 'name must be one line and not blank' })
  name?: string;

  @ApiProperty({ example: ['Skolegade 3, 1. th.'], description: 'street and house number first, then any floor, side or other line (up to 3 lines)' })
  @IsArray({ message: 'street must be a list of lines' }) @ArrayMinSize(1, { message: 'street must have at least one line' })
  @ArrayMaxSize(3, { message: 'street must have at most 3 lines' })
  @IsString({ each: true, message: 'street lines must be text' }) @MaxLength(100, { each: true, message: 'street lines must be at most 100 characters' })
  @Matches(ONE_LINE, { each: true, message: 'street lines must each be one line and not blank' })
  street!: string[];

  @ApiProperty({ example: '8660', description: '4 digits for a Danish address' })
  @IsString({ message: 'postcode must be text' }) @Matches(/^\s*\d{4}\s*$/, { message: 'postcode must be 4 digits for a Danish address' })
  postcode!: string;

  @ApiProperty({ example: 'Skanderborg' })
  @IsString({ message: 'city must be text' }) @MaxLength(60, { message: 'city must be at most 60 characters' })
  @Matches(/^\s*\p{L}[\p{L} .'-]*$/u, { message: 'city must be a town name (letters, spaces, dots, hyphens)' })
  city!: string;

  @ApiPropertyOptional({ enum: ADDRESS_COUNTRIES, default: 'DK' })
  @IsOptional() @IsIn(ADDRESS_COUNTRIES, { message: 'country must be DK: letters can only be addressed to Danish addresses' })
  country?: (typeof ADDRESS_COUNTRIES)[number];
}
