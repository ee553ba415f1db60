import { Module } from '@nestjs/common';
import { FileStoreModule } from '../files/file-store.module';
import { FilesModule } from '../files/files.module';
import { ContractRequirementsController } from './contract-requirements.controller';
import { RequirementAccessService } from './requirement-access.service';
import { RequirementAttachmentsService } from './requirement-attachments.service';
import { RequirementActionsController } from './requirement-actions.controller';
import { RequirementActionsService } from './requirement-actions.service';
import { RequirementLedgerExporter } from './requirement-ledger.exporter';
import { RequirementPagesService } from './requirement-pages.service';
import { RequirementRecipientsService } from './requirement-recipients.service';
import { RequirementReportsService } from './requirement-reports.service';
import { RequirementSubmissionService } from './requirement-submission.service';
import { RequirementsController } from './requirements.controller';
import { RequirementsService } from './requirements.service';

/**
 * Customization requests (issue 4): HTTP → workflow Update → activity → PostgreSQL, reads from
 * PostgreSQL. The pattern the change-request and security features copy.
 */
@Module({
  imports: [FileStoreModule, FilesModule],
  controllers: [
    ContractRequirementsController,
    RequirementsController,
    RequirementActionsController,
  ],
  providers: [
    RequirementAccessService,
    RequirementAttachmentsService,
    RequirementsService,
    RequirementSubmissionService,
    RequirementActionsService,
    RequirementReportsService,
    RequirementRecipientsService,
    RequirementPagesService,
    RequirementLedgerExporter,
  ],
  exports: [
    RequirementsService,
    RequirementAttachmentsService,
    RequirementPagesService,
    RequirementSubmissionService,
    RequirementActionsService,
    RequirementReportsService,
    RequirementRecipientsService,
  ],
})
export class RequirementsModule {}
