import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { FileStoreModule } from '../files/file-store.module';
import { FilesModule } from '../files/files.module';
import { SecurityModule } from './security.module';
import { RectificationReportController } from './rectification-report.controller';
import { RectificationReportExporter } from './rectification-report.exporter';
import { RectificationReportService } from './rectification-report.service';
import { RemediationController } from './security-task-actions.controller';
import { RemediationService } from './security-task-actions.service';

/** Security remediation (rule 4, second half) on the process kit; proof files in the file store. */
@Module({
  imports: [ContractsModule, FileStoreModule, FilesModule, SecurityModule],
  controllers: [RemediationController, RectificationReportController],
  providers: [RemediationService, RectificationReportService, RectificationReportExporter],
  exports: [RemediationService, RectificationReportService],
})
export class RemediationModule {}
