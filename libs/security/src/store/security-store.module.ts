import { Global, Module } from '@nestjs/common';
import { SecurityTaskStore } from './security-task.store';
import { SecurityImportStore } from './security-import.store';
import { SecurityNoticeRepository } from './security-notice.repository';
import { SecurityTaskQueryRepository } from './security-task-query.repository';
import { SecurityTaskQueueQuery } from './security-task-queue.query';

const STORES = [
  SecurityTaskStore,
  SecurityImportStore,
  SecurityNoticeRepository,
  SecurityTaskQueryRepository,
  SecurityTaskQueueQuery,
];

/** The process's stores, on top of the global PersistenceModule's data source and writer. */
@Global()
@Module({ providers: STORES, exports: STORES })
export class SecurityStoreModule {}
