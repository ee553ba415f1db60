import { CALENDAR_TERMS } from '@luyue/domain';
import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { WorkingDaysAnswer, WorkingDaysQuery } from './dto/working-days.query';
import { CalendarYearDto, YearScheduleDto, YearScheduleLoaded } from './dto/year-schedule.dto';
import { WorkingTimeAnswer, WorkingTimeQuery } from './dto/working-time.query';
import { WorkingDaysService } from './working-days.service';
import { WorkingTimeService } from './working-time.service';

@ApiTags('calendar')
@Controller('api/calendar')
export class CalendarController {
  constructor(
    private readonly workingDays: WorkingDaysService,
    private readonly workingTime: WorkingTimeService,
  ) {}

  @Get('working-days')
  @Public()
  @ApiOperation({
    summary: 'Deadline n working days after receipt',
    description: `PRC holidays and ${CALENDAR_TERMS.workdaySwap} included; the day of receipt is not counted; the deadline is 24:00 Asia/Shanghai of the last day. Public.`,
  })
  @ApiOkResponse({ type: WorkingDaysAnswer })
  deadline(@Query() query: WorkingDaysQuery): Promise<WorkingDaysAnswer> {
    return this.workingDays.deadline(query.from, query.days);
  }

  @Get('working-time')
  @Public()
  @ApiOperation({
    summary: 'Due instant of n covered minutes from an instant',
    description: `Counts only covered minutes: a day set (PRC working days with ${CALENDAR_TERMS.workdaySwap}, or every day) and daily segments, Asia/Shanghai. Defaults to ${CALENDAR_TERMS.workingHours} (working days 08:00-12:00, 13:30-17:30); 7×24 is days=all&segments=00:00-24:00. A budget ending with a segment is due at its end. Public.`,
  })
  @ApiOkResponse({ type: WorkingTimeAnswer })
  workingTimeDue(@Query() query: WorkingTimeQuery): Promise<WorkingTimeAnswer> {
    return this.workingTime.due(query);
  }

  @Get('years')
  @Roles('admin')
  @Authenticated()
  @ApiOperation({
    summary: "Each year's schedule source: official (loaded or shipped) or provisional (admin)",
  })
  @ApiOkResponse({ type: CalendarYearDto, isArray: true })
  years(): Promise<CalendarYearDto[]> {
    return this.workingDays.years();
  }

  @Put('years/:year')
  @Roles('admin')
  @Authenticated()
  @ApiOperation({ summary: "Load a year's official holiday schedule (admin)" })
  @ApiOkResponse({ type: YearScheduleLoaded })
  loadYear(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: YearScheduleDto,
    @CurrentActor() actor: Actor,
  ): Promise<YearScheduleLoaded> {
    return this.workingDays.loadYear(year, body, actor.email);
  }
}
