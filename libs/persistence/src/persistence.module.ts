import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@luyue/config';
import { dataSourceOptions } from './data-source.factory';
import { CalendarYearRepository } from './repositories/calendar-year.repository';
import { DatabaseHealthRepository } from './repositories/database-health.repository';
import { DeadlineRecordRepository } from './repositories/deadline-record.repository';
import { OutboxRepository } from './repositories/outbox.repository';

const REPOSITORIES = [
  CalendarYearRepository,
  DatabaseHealthRepository,
  DeadlineRecordRepository,
  OutboxRepository,
];

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.DATABASE_URL),
        // Keep retrying at start so the app waits for a database that is still coming up.
        retryAttempts: 30,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class PersistenceModule {}
