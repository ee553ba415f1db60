import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class DatabaseHealthRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Round-trips a query; throws when PostgreSQL cannot answer. */
  async ping(): Promise<void> {
    await this.ds.query('SELECT 1');
  }
}
