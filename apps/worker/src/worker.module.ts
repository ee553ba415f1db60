import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CalendarModule } from '@luyue/calendar';
import { AppConfig, ConfigModule } from '@luyue/config';
import { NotificationsModule } from '@luyue/notifications';
import { PersistenceModule } from '@luyue/persistence';
import { DeadlineWatchActivitiesService } from './activities/deadline-watch.activities';
import { CustomizationRequestActivitiesService } from './activities/customization-request.activities';
import { ChangeRequestActivitiesService } from './activities/change-request.activities';
import { ChangeEffectsService } from './activities/change-effects.service';
import { SecurityImportActivitiesService } from './activities/security-import.activities';
import { SecurityTaskActivitiesService } from './activities/security-task.activities';
import { SecurityTaskIssueActivitiesService } from './activities/security-task-issue.activities';
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
  ],
})
export class WorkerModule {}
