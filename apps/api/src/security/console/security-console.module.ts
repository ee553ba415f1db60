import { Module } from '@nestjs/common';
import { FileStoreModule } from '../../files/file-store.module';
import { RemediationModule } from '../security-task-actions.module';
import { SecurityModule } from '../security.module';
import { ConsoleModule } from '../../console/console.module';
import { SecurityConsoleController } from './security-console.controller';
import { SecurityConsoleService } from './security-console.service';
import { SecurityReportConsoleController } from './security-report-console.controller';
import { SecurityReportConsoleService } from './security-report-console.service';
import { SecurityTasksConsoleService } from './security-tasks-console.service';

/**
 * The security pages, in a module of their own: their upload form streams into the report
 * store with the security module's upload limits, not the attachments'.
 */
@Module({
  imports: [ConsoleModule, SecurityModule, RemediationModule, FileStoreModule],
  controllers: [SecurityConsoleController, SecurityReportConsoleController],
  providers: [SecurityConsoleService, SecurityReportConsoleService, SecurityTasksConsoleService],
})
export class SecurityConsoleModule {}
