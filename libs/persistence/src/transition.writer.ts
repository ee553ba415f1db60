import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { auditActorOf, type Actor, type ProcessAuditAction } from '@luyue/domain';
import { AuditEventRepository } from './repositories/audit-event.repository';
import { OutboxRepository, type NewOutboxMail } from './repositories/outbox.repository';
import {
  insertTransitionRow,
  type TransitionRow,
  type TransitionTable,
} from './repositories/transition-row.writer';
import { TransactionRunner } from './transaction.runner';

/** What is the same in every write of one process. */
export interface TransitionProcess {
  table: TransitionTable;
  /** The audit subject type and the prefix of its action (`requirement.approve`). */
  subjectType:
    'requirement' | 'change_request' | 'security_task' | 'fault_ticket' | 'duty_occurrence';
  /** Who the audit names for a step the workflow took by itself (a timer, a schedule). */
  systemActorId: string;
}

/** One transition of a process's item, as its workflow hands it to the write activity. */
export interface TransitionWrite extends TransitionProcess {
  subjectId: string;
  contractId: string;
  row: TransitionRow & { actor: Actor | null };
}

/** What a process adds to a step that answers nothing (`TransitionWriter.persistStep`). */
export interface StepHooks {
  /** First, in the transaction (a row the transition refers to, a lock). */
  before?: TransitionHooks<void>['before'];
  /** The process's own rows, its item's row first; throwing rolls everything back. */
  apply: (m: EntityManager) => Promise<void>;
  mails: TransitionHooks<void>['mails'];
}

/** What a process adds to the one write path. */
export interface TransitionHooks<R> {
  /** First, in the transaction: locks that order concurrent writes (a quota year). */
  before?: (m: EntityManager) => Promise<void>;
  /** The answer for a transition written before: a retry after a lost answer, or a replay. */
  written: (m: EntityManager) => Promise<R>;
  /** The process's own rows; throwing rolls everything back. Returns the answer and what the
   * audit summary adds. */
  apply: (m: EntityManager) => Promise<{ result: R; summary?: Record<string, unknown> }>;
  mails: (m: EntityManager) => Promise<NewOutboxMail[]> | NewOutboxMail[];
}

/**
 * The one write path of every process: in one transaction the transition (once per item and
 * seq), the process's rows, the audit event and the outgoing mail; a retry writes nothing twice.
 */
@Injectable()
export class TransitionWriter {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditEventRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  write<R>(w: TransitionWrite, hooks: TransitionHooks<R>): Promise<R> {
    return this.tx.run(async (m) => {
      await hooks.before?.(m);
      if (!(await insertTransitionRow(m, w.table, w.subjectId, w.row))) return hooks.written(m);
      const { result, summary } = await hooks.apply(m);
      const { row } = w;
      await this.audit.append(m, {
        ...(row.actor
          ? auditActorOf(row.actor)
          : { actorType: 'system', actorId: w.systemActorId, actorEmail: null, party: null }),
        // The workflow's step: every step of a process has its wording (typed there).
        action: `${w.subjectType}.${row.action}` as ProcessAuditAction,
        subjectType: w.subjectType,
        subjectId: w.subjectId,
        contractId: w.contractId,
        summary: {
          before: { status: row.fromStatus },
          after: { status: row.toStatus },
          payload: row.payload,
          ...summary,
        },
        requestId: row.requestId,
        workflowId: row.workflowId,
      });
      for (const mail of await hooks.mails(m)) await this.outbox.enqueue(m, mail);
      return result;
    });
  }

  /** `write` for a workflow step whose answer is nothing: one written before answers at once. */
  persistStep(
    process: TransitionProcess,
    subjectId: string,
    row: TransitionWrite['row'] & { contractId: string },
    hooks: StepHooks,
  ): Promise<void> {
    return this.write(
      { ...process, subjectId, contractId: row.contractId, row },
      {
        before: hooks.before,
        written: () => Promise.resolve(),
        apply: async (m) => ({ result: await hooks.apply(m) }),
        mails: hooks.mails,
      },
    );
  }
}
