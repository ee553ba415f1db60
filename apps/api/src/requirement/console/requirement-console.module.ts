import { Module } from '@nestjs/common';
import { ChangeRequestsModule } from '../../change-request/change-requests.module';
import { ConsoleModule } from '../../console/console.module';
import { FileStoreModule } from '../../files/file-store.module';
import { FilesModule } from '../../files/files.module';
import { RequirementsModule } from '../requirements.module';
import { QuotaConsoleController } from './quota-console.controller';
import { QuotaConsoleService } from './quota-console.service';
import { RequirementConsoleController } from './requirement-console.controller';
import { RequirementConsoleService } from './requirement-console.service';

/** The requirement pages and the yearly quota page (which shows the changes' grants too). */
@Module({
  imports: [ConsoleModule, RequirementsModule, ChangeRequestsModule, FilesModule, FileStoreModule],
  controllers: [RequirementConsoleController, QuotaConsoleController],
  providers: [RequirementConsoleService, QuotaConsoleService],
})
export class RequirementConsoleModule {}
