import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarYearEntity } from '../entities';

@Injectable()
export class CalendarYearRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * What changes whenever a year is loaded or removed: each row's year and row version (`xmin`
   * changes with every write, even two loads at the same instant), over a table of a few dozen
   * rows.
   */
  async stamp(): Promise<string> {
    const rows: Array<{ stamp: string | null }> = await this.ds.query(
      `SELECT md5(string_agg(year::text || ':' || xmin::text, ',' ORDER BY year)) AS stamp
       FROM calendar_year`,
    );
    return rows[0].stamp ?? '';
  }

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
