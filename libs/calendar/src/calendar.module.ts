import { Global, Module } from '@nestjs/common';
import { CalendarService } from './calendar.service';

/** One CalendarService (and so one cache of loaded years) per process. */
@Global()
@Module({ providers: [CalendarService], exports: [CalendarService] })
export class CalendarModule {}
