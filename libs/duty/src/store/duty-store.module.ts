import { Global, Module } from '@nestjs/common';
import { DutyQueryRepository } from './duty-query.repository';
import { DutyQueueQuery } from './duty-queue.query';
import { DutyStore } from './duty.store';
import { DutyGenerationService } from '../duty-generation.service';
import { DutyPlanChangeService } from '../duty-plan-change.service';

const STORES = [
  DutyStore,
  DutyQueryRepository,
  DutyQueueQuery,
  DutyGenerationService,
  DutyPlanChangeService,
];

/** The process's stores and its generation, on the global persistence, calendar and Temporal client. */
@Global()
@Module({ providers: STORES, exports: STORES })
export class DutyStoreModule {}
