import { Global, Module } from '@nestjs/common';
import { FaultTicketQueryRepository } from './fault-ticket-query.repository';
import { FaultTicketQueueQuery } from './fault-ticket-queue.query';
import { FaultTicketStore } from './fault-ticket.store';

const STORES = [FaultTicketStore, FaultTicketQueryRepository, FaultTicketQueueQuery];

/** The process's stores, on top of the global PersistenceModule's data source and writer. */
@Global()
@Module({ providers: STORES, exports: STORES })
export class FaultTicketStoreModule {}
