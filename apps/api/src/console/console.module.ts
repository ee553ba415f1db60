import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WorkingDaysModule } from '../calendar/working-days.module';
import { ContractsModule } from '../contracts/contracts.module';
import { IdentityModule } from '../identity/identity.module';
import { FileStoreModule } from '../files/file-store.module';
import { FilesModule } from '../files/files.module';
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
import { WorkQueuesService } from './work-queues.service';

/**
 * The server-rendered zh-CN console's shared part: frame, CSRF, the dashboard, admin and audit pages.
 * Each process adds its pages in a console module of its own.
 */
@Module({
  imports: [
    AuthModule,
    ContractsModule,
    FilesModule,
    FileStoreModule,
    IdentityModule,
    WorkingDaysModule,
  ],
  controllers: [
    ConsoleController,
    AuditConsoleController,
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
    WorkQueuesService,
  ],
  exports: [CsrfService, ConsoleFrameService],
})
export class ConsoleModule {}
