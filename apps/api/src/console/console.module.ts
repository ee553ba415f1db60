import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WorkingDaysModule } from '../calendar/working-days.module';
import { ContractsModule } from '../contracts/contracts.module';
import { IdentityModule } from '../identity/identity.module';
import { RequirementsModule } from '../requirement/requirements.module';
import { ChangeRequestsModule } from '../change-request/change-requests.module';
import { FileStoreModule } from '../files/file-store.module';
import { FilesModule } from '../files/files.module';
import { ChangeConfirmationController } from '../change-request/console/change-confirmation.controller';
import { ChangeConsoleController } from '../change-request/console/change-console.controller';
import { ChangeConsoleService } from '../change-request/console/change-console.service';
import { ChangeReplyLinkController } from '../change-request/console/change-reply-link.controller';
import { AdminConsoleController } from './admin-console.controller';
import { AdminConsoleService } from './admin-console.service';
import { AdminSettingsConsoleService } from './admin-settings-console.service';
import { AdminUsersConsoleController } from './admin-users-console.controller';
import { AdminUsersConsoleService } from './admin-users-console.service';
import { AuditConsoleController } from './audit-console.controller';
import { AuditConsoleService } from './audit-console.service';
import { ConsoleAssets } from './console-assets';
import { ConsoleFrameService } from './console-frame.service';
import { ConsoleController } from './console.controller';
import { CsrfService } from './csrf.service';
import { DashboardService } from './dashboard.service';
import { QuotaConsoleController } from '../requirement/console/quota-console.controller';
import { QuotaConsoleService } from '../requirement/console/quota-console.service';
import { RequirementConsoleController } from '../requirement/console/requirement-console.controller';
import { RequirementConsoleService } from '../requirement/console/requirement-console.service';

/** The server-rendered zh-CN console, on the same services as the REST api. */
@Module({
  imports: [
    AuthModule,
    ContractsModule,
    RequirementsModule,
    ChangeRequestsModule,
    FilesModule,
    FileStoreModule,
    IdentityModule,
    WorkingDaysModule,
  ],
  controllers: [
    ConsoleController,
    RequirementConsoleController,
    QuotaConsoleController,
    AuditConsoleController,
    ChangeConsoleController,
    ChangeConfirmationController,
    ChangeReplyLinkController,
    AdminConsoleController,
    AdminUsersConsoleController,
  ],
  providers: [
    AuditConsoleService,
    AdminConsoleService,
    AdminSettingsConsoleService,
    AdminUsersConsoleService,
    ConsoleAssets,
    ConsoleFrameService,
    CsrfService,
    DashboardService,
    QuotaConsoleService,
    RequirementConsoleService,
    ChangeConsoleService,
  ],
  exports: [CsrfService, ConsoleFrameService],
})
export class ConsoleModule {}
