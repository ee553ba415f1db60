import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@luyue/config';
import { dataSourceOptions } from './data-source.factory';
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
import { IdempotencyKeyRepository } from './repositories/idempotency-key.repository';
import { QuotaLedgerRepository } from './repositories/quota-ledger.repository';
import { RequirementNumberingRepository } from './repositories/requirement-numbering.repository';
import { RequirementQueryRepository } from './repositories/requirement-query.repository';
import { RequirementTransitionStore } from './repositories/requirement-transition.store';

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
  RequirementNumberingRepository,
  RequirementQueryRepository,
  RequirementTransitionStore,
  QuotaLedgerRepository,
  IdempotencyKeyRepository,
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
