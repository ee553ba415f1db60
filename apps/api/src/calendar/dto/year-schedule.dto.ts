import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString } from 'class-validator';

export class YearScheduleDto {
  @ApiProperty({
    example: ['2027-01-01', '2027-02-05'],
    description: 'Statutory holidays (YYYY-MM-DD)',
  })
  @IsArray()
  @IsString({ each: true })
  holidays!: string[];

  @ApiProperty({ example: ['2027-02-20'], description: '调休: weekend days that are working days' })
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
