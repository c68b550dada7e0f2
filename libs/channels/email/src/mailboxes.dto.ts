import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const NO_LINE_BREAKS = /^[^\r\n\0]*$/;

/** An IMAP mailbox and the SMTP server its replies go out through. Secrets are write-only. */
export class MailboxDto {
  @ApiProperty({ example: 'borgerservice' }) @Matches(/^[a-z0-9-]{2,60}$/, { message: 'name must be 2–60 lower-case letters, digits or dashes' }) name!: string;
  @ApiProperty({ example: 'borgerservice@kommune.dk' }) @IsEmail({}, { message: 'address must be an email address' }) address!: string;
  @ApiPropertyOptional({ example: 'Borgerservice' }) @IsOptional() @IsString() @MaxLength(100) @Matches(NO_LINE_BREAKS, { message: 'displayName must be one line' }) displayName?: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(255) @Matches(NO_LINE_BREAKS, { message: 'imapHost must be one line' }) imapHost!: string;
  @ApiProperty({ example: 993 }) @IsInt() @Min(1) @Max(65535) imapPort!: number;
  @ApiProperty() @IsBoolean() imapTls!: boolean;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(255) imapUser!: string;
  @ApiPropertyOptional({ enum: ['password', 'oauth2'], default: 'password' }) @IsOptional() @IsIn(['password', 'oauth2'], { message: 'imapAuth must be password or oauth2' }) imapAuth?: 'password' | 'oauth2';
  @ApiProperty({ description: 'the password, or the OAuth2 access token when imapAuth is oauth2; stored encrypted, never returned; required on create, kept when left out on update' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(4096) imapSecret?: string;
  @ApiPropertyOptional({ default: 'INBOX' }) @IsOptional() @IsString() @MaxLength(255) @Matches(NO_LINE_BREAKS, { message: 'folder must be one line' }) folder?: string;
  @ApiPropertyOptional({ description: 'processed messages are moved here; without it they are flagged \\Seen in place' })
  @IsOptional() @IsString() @MaxLength(255) @Matches(NO_LINE_BREAKS, { message: 'processedFolder must be one line' }) processedFolder?: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(255) @Matches(NO_LINE_BREAKS, { message: 'smtpHost must be one line' }) smtpHost!: string;
  @ApiProperty({ example: 587 }) @IsInt() @Min(1) @Max(65535) smtpPort!: number;
  @ApiProperty({ description: 'implicit TLS (port 465); otherwise STARTTLS when offered' }) @IsBoolean() smtpTls!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) smtpUser?: string;
  @ApiPropertyOptional({ description: 'stored encrypted, never returned' }) @IsOptional() @IsString() @MaxLength(4096) smtpSecret?: string;

  @ApiPropertyOptional({ description: 'topic slug every email from this mailbox is filed under, instead of classification by keywords' }) @IsOptional() @Matches(/^[a-z0-9-]{2,60}$/, { message: 'topic must be a topic slug' }) topic?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class QuarantineQueryDto {
  @ApiPropertyOptional({ enum: ['quarantined', 'released'] }) @IsOptional() @IsIn(['quarantined', 'released'], { message: 'status must be quarantined or released' }) status?: 'quarantined' | 'released';
}
