import { Global, Module } from '@nestjs/common';
import { FaultTicketQueryRepository } from './fault-ticket-query.repository';
import { FaultTicketStore } from './fault-ticket.store';

const STORES = [FaultTicketStore, FaultTicketQueryRepository];

/** The process's stores, on top of the global PersistenceModule's data source and writer. */
@Global()
@Module({ providers: STORES, exports: STORES })
export class FaultTicketStoreModule {}
