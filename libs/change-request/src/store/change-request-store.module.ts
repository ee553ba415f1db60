import { Global, Module } from '@nestjs/common';
import { ChangeRequestStore } from './change-request.store';
import { ChangeRequestQueryRepository } from './change-request-query.repository';

const STORES = [ChangeRequestStore, ChangeRequestQueryRepository];

/** The process's stores, on top of the global PersistenceModule's data source and writer. */
@Global()
@Module({ providers: STORES, exports: STORES })
export class ChangeRequestStoreModule {}
