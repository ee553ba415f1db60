import { RequirementStoreModule } from '@luyue/requirement';
import { ChangeRequestStoreModule } from '@luyue/change-request';
import { SecurityStoreModule } from '@luyue/security';
import { FaultTicketStoreModule } from '@luyue/fault-ticket';
import { DutyStoreModule } from '@luyue/duty';
import { AssessmentStoreModule } from '@luyue/assessment';
import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { CalendarModule } from '@luyue/calendar';
import { AppConfig, ConfigModule } from '@luyue/config';
import { NotificationsModule } from '@luyue/notifications';
import { PersistenceModule, STATEMENT_TIMEOUT_MS } from '@luyue/persistence';
import { TemporalClientModule } from '@luyue/temporal';
import { AuthModule } from './auth/auth.module';
import { ConsoleModule } from './console/console.module';
import { ProcessRegistryModule } from './process-registry.module';
import { RequirementConsoleModule } from './requirement/console/requirement-console.module';
import { ChangeConsoleModule } from './change-request/console/change-console.module';
import { KitModule } from './kit/kit.module';
import { ContractsModule } from './contracts/contracts.module';
import { WorkingDaysModule } from './calendar/working-days.module';
import { DomainErrorFilter } from './common/domain-error.filter';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { KeyedRunModule } from './common/keyed-run.module';
import { JsonBodyMiddleware } from './common/json-body.middleware';
import { apiLoggerOptions } from './common/api-logger.options';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { IdentityModule } from './identity/identity.module';
import { MetricsModule } from './metrics/metrics.module';
import { RequirementsModule } from './requirement/requirements.module';
import { ChangeRequestsModule } from './change-request/change-requests.module';
import { FilesModule } from './files/files.module';
import { RemediationModule } from './security/security-task-actions.module';
import { SecurityModule } from './security/security.module';
import { FaultConsoleModule } from './fault-ticket/console/fault-console.module';
import { FaultTicketsModule } from './fault-ticket/fault-tickets.module';
import { DutiesModule } from './duty/duties.module';
import { DutyConsoleModule } from './duty/console/duty-console.module';
import { AssessmentModule } from './assessment/assessment.module';
import { AssessmentConsoleModule } from './assessment/console/assessment-console.module';
import { SecurityConsoleModule } from './security/console/security-console.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ useFactory: apiLoggerOptions }),
    PersistenceModule.forRoot({
      inject: [AppConfig],
      databaseUrl: (config: AppConfig) => config.DATABASE_URL,
      // A stopped database answers 503 after this instead of holding the request for the stall.
      tuning: { queryTimeoutMs: STATEMENT_TIMEOUT_MS + 1_000 },
    }),
    CalendarModule,
    NotificationsModule,
    TemporalClientModule,
    RequirementStoreModule,
    ChangeRequestStoreModule,
    SecurityStoreModule,
    FaultTicketStoreModule,
    DutyStoreModule,
    AssessmentStoreModule,
    IdentityModule,
    AuthModule,
    ContractsModule,
    KitModule,
    MetricsModule,
    RequirementsModule,
    FilesModule,
    ChangeRequestsModule,
    WorkingDaysModule,
    SecurityModule,
    FaultTicketsModule,
    DutiesModule,
    RemediationModule,
    KeyedRunModule,
    ProcessRegistryModule,
    ConsoleModule,
    RequirementConsoleModule,
    ChangeConsoleModule,
    SecurityConsoleModule,
    FaultConsoleModule,
    DutyConsoleModule,
    AssessmentModule,
    AssessmentConsoleModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    HealthService,
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(JsonBodyMiddleware)
      .forRoutes(
        { path: 'api/*path', method: RequestMethod.POST },
        { path: 'api/*path', method: RequestMethod.PUT },
        { path: 'api/*path', method: RequestMethod.PATCH },
      );
  }
}
