import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OUTCOMES } from './outcomes';
import type { Outcome } from './outcomes';

export class ResolveCaseDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` }) outcome!: Outcome;
}
