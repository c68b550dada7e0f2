import { Module } from '@nestjs/common';
import { CitizensRepository } from './citizens.repository';

/** Who citizens are: one record per person or business with their emails, phones and addresses. */
@Module({ providers: [CitizensRepository], exports: [CitizensRepository] })
export class CitizensModule {}
