import { Global, Module } from '@nestjs/common';
import { ChangeWorkQueue } from './change-request/change-work-queue';
import { DutyBacklinks } from './duty/duty-backlinks';
import { DutyWorkQueue } from './duty/duty-work-queue';
import { FaultFollowUp } from './fault-ticket/fault-follow-up';
import { FaultTicketsModule } from './fault-ticket/fault-tickets.module';
import { FaultWorkQueue } from './fault-ticket/fault-work-queue';
import {
  BACKLINK_SOURCES,
  FOLLOW_UP_OPENERS,
  OPEN_WORKFLOW_SOURCES,
  WORK_QUEUES,
} from './kit/process-registry';
import { RequirementFollowUp } from './requirement/requirement-follow-up';
import { RequirementWorkQueue } from './requirement/requirement-work-queue';
import { RequirementsModule } from './requirement/requirements.module';
import { SecurityWorkQueue } from './security/security-work-queue';

/** The processes, listed once: the dashboard shows their queues in this order, the calendar tells them all. */
const PROCESSES = [
  RequirementWorkQueue,
  ChangeWorkQueue,
  SecurityWorkQueue,
  FaultWorkQueue,
  DutyWorkQueue,
];
/** What one process's item can open in another (an inspection's abnormal item, a fault ticket). */
const OPENERS = [FaultFollowUp, RequirementFollowUp];
/** Where items other processes opened came from. */
const BACKLINKS = [DutyBacklinks];

@Global()
@Module({
  imports: [FaultTicketsModule, RequirementsModule],
  providers: [
    ...PROCESSES,
    ...OPENERS,
    ...BACKLINKS,
    { provide: WORK_QUEUES, useFactory: (...q: unknown[]) => q, inject: PROCESSES },
    { provide: OPEN_WORKFLOW_SOURCES, useFactory: (...s: unknown[]) => s, inject: PROCESSES },
    { provide: FOLLOW_UP_OPENERS, useFactory: (...o: unknown[]) => o, inject: OPENERS },
    { provide: BACKLINK_SOURCES, useFactory: (...b: unknown[]) => b, inject: BACKLINKS },
  ],
  exports: [WORK_QUEUES, OPEN_WORKFLOW_SOURCES, FOLLOW_UP_OPENERS, BACKLINK_SOURCES],
})
export class ProcessRegistryModule {}
