import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Documents the JSON body for OpenAPI; the web-form service validates it field by field. */
export class WebformSubmissionDto {
  @ApiProperty({ example: 'Søren Ærø', maxLength: 200 }) name!: string;
  @ApiPropertyOptional({ example: 'soren@eksempel.dk', description: 'email or phone is required' }) email?: string;
  @ApiPropertyOptional({ example: '+45 20 12 34 56' }) phone?: string;
  @ApiPropertyOptional({ example: 'affald', description: 'a topic slug; omitted means classify from the text' }) topic?: string;
  @ApiPropertyOptional({ example: 'Storskrald', maxLength: 200 }) subject?: string;
  @ApiProperty({ example: 'Hvornår bliver storskrald hentet på Østergade?', maxLength: 20000 }) message!: string;
}
