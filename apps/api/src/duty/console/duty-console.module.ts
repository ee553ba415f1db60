import { Module } from '@nestjs/common';
import { ConsoleModule } from '../../console/console.module';
import { FileStoreModule } from '../../files/file-store.module';
import { FilesModule } from '../../files/files.module';
import { DutiesModule } from '../duties.module';
import { DutyConsoleController } from './duty-console.controller';
import { DutyConsoleService } from './duty-console.service';
import { DutyOccurrenceConsoleService } from './duty-occurrence-console.service';
import { DutySignLinkController } from './duty-sign-link.controller';
import { DutySignLinkService } from './duty-sign-link.service';

/** The duty pages and the signers' mailed links, on the services of the REST routes. */
@Module({
  imports: [ConsoleModule, DutiesModule, FilesModule, FileStoreModule],
  controllers: [DutyConsoleController, DutySignLinkController],
  providers: [DutyConsoleService, DutyOccurrenceConsoleService, DutySignLinkService],
})
export class DutyConsoleModule {}
