import { Module } from '@nestjs/common';
import { FileStoreModule } from '../files/file-store.module';
import { FilesModule } from '../files/files.module';
import { DutiesController } from './duties.controller';
import { DutiesService } from './duties.service';
import { DutyActionsService } from './duty-actions.service';
import { DutyLedgerExporter } from './duty-ledger.exporter';
import { DutyPlansController } from './duty-plans.controller';
import { DutyPlansService } from './duty-plans.service';

/** Scheduled duties: plans, generated occurrences (one workflow each), their steps and figures. */
@Module({
  imports: [FileStoreModule, FilesModule],
  controllers: [DutyPlansController, DutiesController],
  providers: [DutiesService, DutyPlansService, DutyActionsService, DutyLedgerExporter],
  exports: [DutiesService, DutyActionsService, DutyPlansService],
})
export class DutiesModule {}
