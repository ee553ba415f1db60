import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ContractsModule } from '../contracts/contracts.module';
import { RequirementsModule } from '../requirements/requirements.module';
import { ConsoleAssets } from './console-assets';
import { ConsoleFrameService } from './console-frame.service';
import { ConsoleController } from './console.controller';
import { CsrfService } from './csrf.service';
import { DashboardService } from './dashboard.service';
import { RequirementConsoleController } from './requirement-console.controller';
import { RequirementConsoleService } from './requirement-console.service';

/** The server-rendered zh-CN console, on the same services as the REST api. */
@Module({
  imports: [AuthModule, ContractsModule, RequirementsModule],
  controllers: [ConsoleController, RequirementConsoleController],
  providers: [
    ConsoleAssets,
    ConsoleFrameService,
    CsrfService,
    DashboardService,
    RequirementConsoleService,
  ],
  exports: [CsrfService],
})
export class ConsoleModule {}
