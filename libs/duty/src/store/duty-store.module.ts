import { Global, Module } from '@nestjs/common';
import { DutyQueryRepository } from './duty-query.repository';
import { DutyQueueQuery } from './duty-queue.query';
import { DutyStore } from './duty.store';

const STORES = [DutyStore, DutyQueryRepository, DutyQueueQuery];

/** The process's stores, on top of the global PersistenceModule's data source and writer. */
@Global()
@Module({ providers: STORES, exports: STORES })
export class DutyStoreModule {}
