import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ContractsModule } from '../contracts/contracts.module';
import { RequirementsModule } from '../requirements/requirements.module';
import { AuditConsoleController } from './audit-console.controller';
import { AuditConsoleService } from './audit-console.service';
import { ConsoleAssets } from './console-assets';
import { ConsoleFrameService } from './console-frame.service';
import { ConsoleController } from './console.controller';
import { CsrfService } from './csrf.service';
import { DashboardService } from './dashboard.service';
import { QuotaConsoleController } from './quota-console.controller';
import { QuotaConsoleService } from './quota-console.service';
import { RequirementConsoleController } from './requirement-console.controller';
import { RequirementConsoleService } from './requirement-console.service';

/** The server-rendered zh-CN console, on the same services as the REST api. */
@Module({
  imports: [AuthModule, ContractsModule, RequirementsModule],
  controllers: [
    ConsoleController,
    RequirementConsoleController,
    QuotaConsoleController,
    AuditConsoleController,
  ],
  providers: [
    AuditConsoleService,
    ConsoleAssets,
    ConsoleFrameService,
    CsrfService,
    DashboardService,
    QuotaConsoleService,
    RequirementConsoleService,
  ],
  exports: [CsrfService, ConsoleFrameService],
})
export class ConsoleModule {}
