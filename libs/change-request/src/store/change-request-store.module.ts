import { Global, Module } from '@nestjs/common';
import { ChangeRequestStore } from './change-request.store';
import { ChangeRequestQueryRepository } from './change-request-query.repository';
import { ChangeRequestQueueQuery } from './change-request-queue.query';

const STORES = [ChangeRequestStore, ChangeRequestQueryRepository, ChangeRequestQueueQuery];

/** The process's stores, on top of the global PersistenceModule's data source and writer. */
@Global()
@Module({ providers: STORES, exports: STORES })
export class ChangeRequestStoreModule {}
