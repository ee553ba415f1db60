import { Module } from '@nestjs/common';
import { ConsoleModule } from '../../console/console.module';
import { FileStoreModule } from '../../files/file-store.module';
import { FilesModule } from '../../files/files.module';
import { FaultTicketsModule } from '../fault-tickets.module';
import { FaultConsoleController } from './fault-console.controller';
import { FaultConsoleService } from './fault-console.service';
import { FaultTicketConsoleService } from './fault-ticket-console.service';
import { SlaPolicyConsoleService } from './sla-policy-console.service';

/** The fault-ticket pages, on the services of the REST routes. */
@Module({
  imports: [ConsoleModule, FaultTicketsModule, FilesModule, FileStoreModule],
  controllers: [FaultConsoleController],
  providers: [FaultConsoleService, FaultTicketConsoleService, SlaPolicyConsoleService],
})
export class FaultConsoleModule {}
