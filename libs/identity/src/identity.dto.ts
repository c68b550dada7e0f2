import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { PRESENCES, ROLES } from './roles';
import type { Presence, Role } from './roles';

export class LoginDto {
  @ApiProperty({ example: 'admin@kommune.dk' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(1024)
  password!: string;
}

export class SkillDto {
  @ApiProperty({ example: 'affald', description: 'topic slug' })
  @IsString()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'skills.topic must be a topic slug such as affald' })
  topic!: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  level!: number;
}

export class CapacityDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(50) email?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(50) webform?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(50) sms?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(5) phone?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(50) post?: number;
}

const repeatedTopics = (skills: unknown): string[] => {
  const topics = Array.isArray(skills) ? skills.map((s: { topic?: unknown }) => String(s?.topic)) : [];
  return [...new Set(topics.filter((t, i) => topics.indexOf(t) !== i))];
};

export class CreateUserDto {
  @ApiProperty() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ enum: ROLES }) @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }) role!: Role;

  @ApiPropertyOptional({ example: ['da', 'en'] })
  @IsOptional()
  @IsIn(['da', 'en'], { each: true, message: 'languages may contain da and en' })
  @ArrayMaxSize(2)
  languages?: string[];

  @ApiPropertyOptional({ type: [SkillDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  @ArrayUnique((skill: SkillDto) => skill?.topic, { message: ({ value }) => `skills must name each topic once; ${repeatedTopics(value).join(', ')} appear more than once` })
  @Type(() => SkillDto)
  skills?: SkillDto[];

  @ApiPropertyOptional({ type: CapacityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CapacityDto)
  capacity?: CapacityDto;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: 'disabling signs the user out everywhere, sets them offline and stops offers' }) @IsOptional() @IsBoolean() disabled?: boolean;

  @ApiPropertyOptional({ example: ['da', 'en'] })
  @IsOptional()
  @IsArray({ message: 'languages must be a list' })
  @ArrayMinSize(1, { message: 'languages must name at least one language' })
  @ArrayMaxSize(2)
  @ArrayUnique({ message: 'languages must name each language once' })
  @IsIn(['da', 'en'], { each: true, message: 'languages may contain da and en' })
  languages?: string[];

  @ApiPropertyOptional({ type: [SkillDto], description: 'replaces all topic skills' })
  @IsOptional()
  @IsArray({ message: 'skills must be a list' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  @ArrayUnique((skill: SkillDto) => skill?.topic, { message: ({ value }) => `skills must name each topic once; ${repeatedTopics(value).join(', ')} appear more than once` })
  @Type(() => SkillDto)
  skills?: SkillDto[];

  @ApiPropertyOptional({ type: CapacityDto, description: 'channels left out keep their capacity' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CapacityDto)
  capacity?: CapacityDto;
}

export class PresenceDto {
  @ApiProperty({ enum: PRESENCES })
  @IsIn(PRESENCES, { message: `status must be one of ${PRESENCES.join(', ')}` })
  status!: Presence;

  @ApiPropertyOptional({ example: 'lunch' }) @IsOptional() @IsString() @MaxLength(200) reason?: string;
}
