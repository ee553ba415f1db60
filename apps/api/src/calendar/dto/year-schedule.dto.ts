import { CALENDAR_TERMS } from '@luyue/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString } from 'class-validator';
import { SCHEDULE_SOURCES, type ScheduleSource } from '@luyue/domain';

export class YearScheduleDto {
  @ApiProperty({
    example: ['2027-01-01', '2027-02-05'],
    description: 'Statutory holidays (YYYY-MM-DD)',
  })
  @IsArray()
  @IsString({ each: true })
  holidays!: string[];

  @ApiProperty({
    example: ['2027-02-20'],
    description: `${CALENDAR_TERMS.workdaySwap}: weekend days that are working days`,
  })
  @IsArray()
  @IsString({ each: true })
  workdays!: string[];
}

export class YearScheduleLoaded {
  @ApiProperty() year!: number;
  @ApiProperty() holidays!: number;
  @ApiProperty() workdays!: number;
  @ApiProperty({ description: 'Open workflows (deadline watches, requests) told to recompute' })
  recomputing!: number;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({
    enum: SCHEDULE_SOURCES,
    description: 'override: loaded by an admin; builtin: shipped; provisional: computed',
  })
  source!: ScheduleSource;
  @ApiProperty({ description: 'False while deadlines in this year are provisional' })
  official!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Who loaded the override' })
  loadedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) loadedAt!: Date | null;
}
