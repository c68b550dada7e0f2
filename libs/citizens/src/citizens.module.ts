import { Module } from '@nestjs/common';
import { CitizenAddressController } from './citizen-address.controller';
import { CitizensRepository } from './citizens.repository';
import { RecordCitizenAddress } from './record-citizen-address';

/** Who citizens are: one record per person or business with their emails, phones and addresses, which staff may correct. */
@Module({ controllers: [CitizenAddressController], providers: [CitizensRepository, RecordCitizenAddress], exports: [CitizensRepository] })
export class CitizensModule {}
