import { Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DomainError, type Actor } from '@luyue/domain';
import { TemporalClientService } from '@luyue/temporal';
import { refusalWhenFinished } from '../common/finished-workflow.refusal';
import {
  ContractAccessService,
  type SubjectKind,
  type Visible,
} from '../contracts/contract-access.service';
import type { ActingContext } from './acting-context';

/** What an action's Update receives: the actor as judged in the contract, and its payload. */
export interface ActionCommand<P> {
  actor: Actor;
  payload: P;
  requestId?: string;
}

/**
 * One process as the runner needs it: its items, its Update (through the process's client in
 * `@luyue/temporal`) and its answer. `Payloads` maps each action to its payload.
 */
export interface ActionProcess<
  Action extends string,
  Payloads extends { [A in Action]: unknown },
  State,
  Subject extends { contractId: string },
  Answer,
> {
  subjects: SubjectKind<Subject>;
  /** The stored status, for the refusal of a step on a finished workflow. */
  statusOf(subject: Subject): string;
  /** How that refusal names the item (its number by default). */
  refusalName?(id: string): string;
  /** A refusal before the Update, when the item cannot take steps yet. */
  notReady?(subject: Subject, action: Action): DomainError | null;
  update<A extends Action>(
    client: Client,
    id: string,
    action: A,
    command: ActionCommand<Payloads[A]>,
    options: { updateId?: string },
  ): Promise<State>;
  /** The answer, built from the state the Update returned (no second access check). */
  answer(caller: Actor, visible: Visible<Subject>, state: State): Promise<Answer>;
}

/** An action's payload, or how to make it once access is decided (files stored first, say). */
export type PayloadOf<P, S> = P | { prepare: (visible: Visible<S>) => Promise<P> };

/**
 * One way to run an action, whatever the process and wherever it comes from (REST route, console
 * form, email link): contract access decided once, then the workflow's Update decides (403
 * wrong role, 409 wrong state, 400 payload) and records it, and the answer is built from the
 * state it returns.
 */
@Injectable()
export class ActionRunner {
  constructor(
    private readonly access: ContractAccessService,
    private readonly temporal: TemporalClientService,
  ) {}

  async run<
    Action extends string,
    Payloads extends { [K in Action]: unknown },
    State,
    Subject extends { contractId: string },
    Answer,
    A extends Action,
  >(
    process: ActionProcess<Action, Payloads, State, Subject, Answer>,
    ctx: ActingContext,
    id: string,
    action: A,
    payload: PayloadOf<Payloads[A], Subject>,
    onRefused?: (error: unknown, visible: Visible<Subject>) => Promise<void>,
  ): Promise<Answer> {
    // The item's contract first: an outsider learns nothing, not even that it is closed.
    const visible = await this.access.requireSubject(
      ctx.actor,
      process.subjects,
      id,
      ctx.link?.subjectId,
    );
    const { subject, acting } = visible;
    const early = process.notReady?.(subject, action);
    if (early) throw early;
    const given = isPrepared(payload) ? await payload.prepare(visible) : payload;
    let state: State;
    try {
      const client = await this.client();
      // Temporal deduplicates by update id too: a retry racing the first attempt runs once.
      const updateId = ctx.idempotencyKey
        ? `${action}:${acting.userId}:${ctx.idempotencyKey}`
        : undefined;
      state = await process
        .update(
          client,
          id,
          action,
          { actor: acting, payload: given, requestId: ctx.requestId ?? undefined },
          { updateId },
        )
        .catch((error: unknown) => {
          const name = process.refusalName?.(id) ?? id;
          throw refusalWhenFinished(error, name, action, process.statusOf(subject));
        });
    } catch (error) {
      await onRefused?.(error, visible);
      throw error;
    }
    return process.answer(ctx.actor, visible, state);
  }

  private async client(): Promise<Client> {
    try {
      return await this.temporal.client();
    } catch {
      throw new DomainError('dependency_unavailable', 'workflow.unreachable_nothing_recorded', {});
    }
  }
}

function isPrepared<P, S>(
  payload: PayloadOf<P, S>,
): payload is { prepare: (visible: Visible<S>) => Promise<P> } {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof (payload as { prepare?: unknown }).prepare === 'function'
  );
}
