import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { STAFF_LOGGED_OUTCOMES } from '@kontakt/channels/staff-logged';

const E164 = /^\+[1-9]\d{6,14}$/;

/** The Twilio account; the auth token is write-only and stored encrypted. */
export class TwilioAccountDto {
  @ApiProperty({ example: 'AC0123456789abcdef0123456789abcdef' }) @Matches(/^AC[0-9a-f]{32}$/, { message: 'accountSid must be AC followed by 32 hex digits' }) accountSid!: string;
  @ApiProperty({ description: 'stored encrypted, never returned' }) @Matches(/^[0-9A-Za-z]{32}$/, { message: 'authToken must be the 32-character auth token from the Twilio console' }) authToken!: string;
  @ApiPropertyOptional({ example: '+4570123456', description: 'the Twilio number SMS replies are sent from' })
  @IsOptional() @Matches(E164, { message: 'phoneNumber must be an E.164 number such as +4570123456' }) phoneNumber?: string;
}

export class MenuItemDto {
  @ApiProperty({ minimum: 1, maximum: 9 }) @IsInt({ message: 'digit must be a whole number' }) @Min(1) @Max(9) digit!: number;
  @ApiProperty({ example: 'affald' }) @Matches(/^[a-z0-9-]{2,60}$/, { message: 'topic must be a topic slug' }) topic!: string;
}

/** The keypad menu; an empty list goes back to the first nine active topics in their order. */
export class IvrMenuDto {
  @ApiProperty({ type: [MenuItemDto] }) @IsArray() @ArrayMaxSize(9) @ValidateNested({ each: true }) @Type(() => MenuItemDto) items!: MenuItemDto[];
}

/** Where the agent's calls ring: an E.164 number, or client:<identity> for a Twilio Client (browser/app). */
export class PhoneEndpointDto {
  @ApiProperty({ example: '+4520123456' })
  @Matches(/^(\+[1-9]\d{6,14}|client:[A-Za-z0-9_.-]{1,100})$/, { message: 'endpoint must be an E.164 number (+4520123456) or client:<identity>' })
  endpoint!: string;
}

/** How the call-back went; without outcome the call-back is only ticked off, with it the call is logged on the case. */
export class CallbackDoneDto {
  @ApiPropertyOptional({ enum: STAFF_LOGGED_OUTCOMES })
  @IsOptional() @IsIn(STAFF_LOGGED_OUTCOMES, { message: `outcome must be one of ${STAFF_LOGGED_OUTCOMES.join(', ')}` })
  outcome?: (typeof STAFF_LOGGED_OUTCOMES)[number];

  @ApiPropertyOptional({ example: 240, description: 'length of the call; needed with outcome' })
  @IsOptional() @IsInt({ message: 'durationSeconds must be a whole number' }) @Min(0) @Max(86_400)
  durationSeconds?: number;

  @ApiPropertyOptional({ description: 'what was said and agreed, shown on the case timeline' })
  @IsOptional() @IsString() @MaxLength(20_000)
  notes?: string;
}

export class CallbackListQueryDto {
  @ApiPropertyOptional({ description: 'only the open call-backs of this case' })
  @IsOptional() @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'caseId must be a case id' })
  caseId?: string;
}
