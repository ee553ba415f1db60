import { Body, Controller, Get, Param, ParseIntPipe, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { WorkingDaysAnswer, WorkingDaysQuery } from './dto/working-days.query';
import { YearScheduleDto, YearScheduleLoaded } from './dto/year-schedule.dto';
import { WorkingDaysService } from './working-days.service';

@ApiTags('calendar')
@Controller('api/calendar')
export class CalendarController {
  constructor(private readonly workingDays: WorkingDaysService) {}

  @Get('working-days')
  @ApiOperation({
    summary: 'Deadline n working days after receipt',
    description:
      'PRC holidays and 调休 included; the day of receipt is not counted; the deadline is 24:00 Asia/Shanghai of the last day. Public.',
  })
  @ApiOkResponse({ type: WorkingDaysAnswer })
  deadline(@Query() query: WorkingDaysQuery): Promise<WorkingDaysAnswer> {
    return this.workingDays.deadline(query.from, query.days);
  }

  @Put('years/:year')
  @UseGuards(AdminTokenGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Load a year's official holiday schedule (admin)" })
  @ApiOkResponse({ type: YearScheduleLoaded })
  loadYear(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: YearScheduleDto,
  ): Promise<YearScheduleLoaded> {
    return this.workingDays.loadYear(year, body, 'admin-token');
  }
}
