import { RequirementStoreModule } from '@luyue/requirement';
import { ChangeRequestStoreModule } from '@luyue/change-request';
import { SecurityStoreModule } from '@luyue/security';
import {
  FaultTicketActivitiesService,
  FaultTicketStoreModule,
  MajorBreachWarning,
} from '@luyue/fault-ticket';
import { DutyActivitiesService, DutyStoreModule } from '@luyue/duty';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CalendarModule } from '@luyue/calendar';
import { AppConfig, ConfigModule } from '@luyue/config';
import { NotificationsModule } from '@luyue/notifications';
import { PersistenceModule } from '@luyue/persistence';
import { DeadlineWatchActivitiesService } from './activities/deadline-watch.activities';
import { CustomizationRequestActivitiesService } from '@luyue/requirement';
import { ChangeRequestActivitiesService, ChangeEffectsService } from '@luyue/change-request';
import {
  SecurityImportActivitiesService,
  SecurityTaskActivitiesService,
  SecurityTaskIssueActivitiesService,
} from '@luyue/security';
import { TemporalClientModule } from '@luyue/temporal';
import { OutboxMailerService } from './outbox/outbox-mailer.service';
import { TemporalWorkerService } from './temporal-worker.service';
import { loggerOptions } from './worker-logger.options';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ useFactory: loggerOptions }),
    PersistenceModule.forRoot({
      inject: [AppConfig],
      databaseUrl: (config: AppConfig) => config.DATABASE_URL,
    }),
    NotificationsModule,
    CalendarModule,
    TemporalClientModule,
    RequirementStoreModule,
    ChangeRequestStoreModule,
    SecurityStoreModule,
    FaultTicketStoreModule,
    DutyStoreModule,
  ],
  providers: [
    DeadlineWatchActivitiesService,
    OutboxMailerService,
    TemporalWorkerService,
    CustomizationRequestActivitiesService,
    ChangeRequestActivitiesService,
    ChangeEffectsService,
    SecurityImportActivitiesService,
    SecurityTaskActivitiesService,
    SecurityTaskIssueActivitiesService,
    FaultTicketActivitiesService,
    MajorBreachWarning,
    DutyActivitiesService,
  ],
})
export class WorkerModule {}
