import { Global, Module, type DynamicModule, type InjectionToken } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, type DataSourceTuning } from './data-source.factory';
import { CalendarYearRepository } from './repositories/calendar-year.repository';
import { DatabaseHealthRepository } from './repositories/database-health.repository';
import { DeadlineRecordRepository } from './repositories/deadline-record.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { AuditEventRepository } from './repositories/audit-event.repository';
import { ContractRepository } from './repositories/contract.repository';
import { LinkTokenRepository } from './repositories/link-token.repository';
import { LoginThrottleRepository } from './repositories/login-throttle.repository';
import { OrganizationRepository } from './repositories/organization.repository';
import { UserRepository } from './repositories/user.repository';
import { UserSessionRepository } from './repositories/user-session.repository';
import { TransactionRunner } from './transaction.runner';
import { TransitionWriter } from './transition.writer';
import { IdempotencyKeyRepository } from './repositories/idempotency-key.repository';
import { StoredFileRepository } from './repositories/stored-file.repository';
const REPOSITORIES = [
  CalendarYearRepository,
  DatabaseHealthRepository,
  DeadlineRecordRepository,
  OutboxRepository,
  AuditEventRepository,
  ContractRepository,
  LinkTokenRepository,
  LoginThrottleRepository,
  OrganizationRepository,
  UserRepository,
  UserSessionRepository,
  TransactionRunner,
  TransitionWriter,
  IdempotencyKeyRepository,
  StoredFileRepository,
];

/** Where the database is: given by the app, so this library depends on @luyue/domain alone. */
export interface PersistenceOptions {
  inject: InjectionToken[];
  // Called with the injected providers, in the order of `inject`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  databaseUrl: (...deps: any[]) => string;
  tuning?: DataSourceTuning;
}

@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: options.inject,
          useFactory: (...deps: unknown[]) => ({
            ...dataSourceOptions(options.databaseUrl(...deps), options.tuning),
            // Keep retrying at start so the app waits for a database that is still coming up.
            retryAttempts: 30,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: REPOSITORIES,
      exports: REPOSITORIES,
    };
  }
}
