import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { FilesModule } from '../files/files.module';
import { RequirementsModule } from '../requirement/requirements.module';
import { ChangeActionsService } from './change-actions.service';
import { ChangeRequestAccessService } from './change-request-access.service';
import { ChangeRequestsController } from './change-requests.controller';
import { ChangeRequestsService } from './change-requests.service';
import { ChangeStatsService } from './change-stats.service';

/** Change requests (rule 3) on the process kit: HTTP → Update → activity → PostgreSQL. */
@Module({
  imports: [ContractsModule, RequirementsModule, FilesModule],
  controllers: [ChangeRequestsController],
  providers: [
    ChangeRequestAccessService,
    ChangeRequestsService,
    ChangeActionsService,
    ChangeStatsService,
  ],
  exports: [ChangeRequestsService, ChangeActionsService, ChangeStatsService],
})
export class ChangeRequestsModule {}
