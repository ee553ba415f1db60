import { Module } from '@nestjs/common';
import { ConsoleModule } from '../../console/console.module';
import { FileStoreModule } from '../../files/file-store.module';
import { FilesModule } from '../../files/files.module';
import { ChangeRequestsModule } from '../change-requests.module';
import { ChangeConfirmationController } from './change-confirmation.controller';
import { ChangeConsoleController } from './change-console.controller';
import { ChangeConsoleService } from './change-console.service';
import { RequirementsModule } from '../../requirement/requirements.module';
import { ChangeReplyLinkController } from './change-reply-link.controller';

/** The change pages, the printed confirmation and the reply form behind an email link. */
@Module({
  imports: [ConsoleModule, ChangeRequestsModule, RequirementsModule, FilesModule, FileStoreModule],
  controllers: [ChangeConsoleController, ChangeConfirmationController, ChangeReplyLinkController],
  providers: [ChangeConsoleService],
})
export class ChangeConsoleModule {}
