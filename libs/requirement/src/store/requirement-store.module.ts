import { Global, Module } from '@nestjs/common';
import { QuotaLedgerRepository } from './quota-ledger.repository';
import { RequirementNumberingRepository } from './requirement-numbering.repository';
import { RequirementQueryRepository } from './requirement-query.repository';
import { RequirementQueueQuery } from './requirement-queue.query';
import { RequirementTransitionStore } from './requirement-transition.store';

const STORES = [
  QuotaLedgerRepository,
  RequirementNumberingRepository,
  RequirementQueryRepository,
  RequirementQueueQuery,
  RequirementTransitionStore,
];

/** The process's stores, on top of the global PersistenceModule's data source and writer. */
@Global()
@Module({ providers: STORES, exports: STORES })
export class RequirementStoreModule {}
