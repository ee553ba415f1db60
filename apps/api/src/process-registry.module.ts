import { Global, Module } from '@nestjs/common';
import { ChangeWorkQueue } from './change-request/change-work-queue';
import { FaultWorkQueue } from './fault-ticket/fault-work-queue';
import { OPEN_WORKFLOW_SOURCES, WORK_QUEUES } from './kit/process-registry';
import { RequirementWorkQueue } from './requirement/requirement-work-queue';
import { SecurityWorkQueue } from './security/security-work-queue';

/** The processes, listed once: the dashboard shows their queues in this order, the calendar tells them all. */
const PROCESSES = [RequirementWorkQueue, ChangeWorkQueue, SecurityWorkQueue, FaultWorkQueue];

@Global()
@Module({
  providers: [
    ...PROCESSES,
    { provide: WORK_QUEUES, useFactory: (...q: unknown[]) => q, inject: PROCESSES },
    { provide: OPEN_WORKFLOW_SOURCES, useFactory: (...s: unknown[]) => s, inject: PROCESSES },
  ],
  exports: [WORK_QUEUES, OPEN_WORKFLOW_SOURCES],
})
export class ProcessRegistryModule {}
