import { Module } from '@nestjs/common';
import { FileStoreModule } from '../files/file-store.module';
import { FilesModule } from '../files/files.module';
import { FaultFiguresController } from './fault-figures.controller';
import { FaultLedgerExporter } from './fault-figures.exporter';
import { FaultFiguresService } from './fault-figures.service';
import { FaultTicketActionsController } from './fault-ticket-actions.controller';
import { FaultTicketActionsService } from './fault-ticket-actions.service';
import { FaultTicketsController } from './fault-tickets.controller';
import { FaultTicketsService } from './fault-tickets.service';

/** Fault tickets: report, steps as Updates of the ticket's workflow, reads, figures and ledger from PostgreSQL. */
@Module({
  imports: [FileStoreModule, FilesModule],
  controllers: [FaultTicketsController, FaultTicketActionsController, FaultFiguresController],
  providers: [
    FaultTicketsService,
    FaultTicketActionsService,
    FaultFiguresService,
    FaultLedgerExporter,
  ],
  exports: [FaultTicketsService, FaultTicketActionsService],
})
export class FaultTicketsModule {}
