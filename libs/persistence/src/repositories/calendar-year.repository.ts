import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarYearEntity } from '../entities';

@Injectable()
export class CalendarYearRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  findAll(): Promise<CalendarYearEntity[]> {
    return this.ds.getRepository(CalendarYearEntity).find({ order: { year: 'ASC' } });
  }

  async upsert(
    year: number,
    holidays: string[],
    workdays: string[],
    loadedBy: string,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO calendar_year (year, holidays, workdays, loaded_by, loaded_at)
       VALUES ($1, $2::jsonb, $3::jsonb, $4, now())
       ON CONFLICT (year) DO UPDATE
         SET holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays,
             loaded_by = EXCLUDED.loaded_by, loaded_at = now()`,
      [year, JSON.stringify(holidays), JSON.stringify(workdays), loadedBy],
    );
  }
}
