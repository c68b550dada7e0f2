import { Module } from '@nestjs/common';
import { CasesModule } from '@kontakt/cases';
import { IntakeModule } from '@kontakt/intake';
import { LogStaffContact } from './log-staff-contact';
import { StaffLoggedController } from './staff-logged.controller';
import { StaffLoggedRepository } from './staff-logged.repository';

/** Staff-logged contacts: phone calls outside Twilio and counter visits, with duration and outcome. */
@Module({
  imports: [IntakeModule, CasesModule],
  controllers: [StaffLoggedController],
  providers: [StaffLoggedRepository, LogStaffContact],
})
export class StaffLoggedModule {}
