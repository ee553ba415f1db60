import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { WorkingDaysService } from './working-days.service';

/** Working-day deadlines and the admin's holiday schedules, for the REST api and the console. */
@Module({
  controllers: [CalendarController],
  providers: [WorkingDaysService],
  exports: [WorkingDaysService],
})
export class WorkingDaysModule {}
