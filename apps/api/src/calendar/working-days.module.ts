import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { WorkingDaysService } from './working-days.service';
import { WorkingTimeService } from './working-time.service';

/** Working-day deadlines, covered-minute due instants and the admin's holiday schedules, for the REST api and the console. */
@Module({
  controllers: [CalendarController],
  providers: [WorkingDaysService, WorkingTimeService],
  exports: [WorkingDaysService],
})
export class WorkingDaysModule {}
