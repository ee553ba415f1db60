import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type Actor,
  type RequirementAction,
  type RequirementPayloads,
} from '@luyue/domain';
import { runRequirementAction, TemporalClientService } from '@luyue/temporal';
import type { RequirementDto } from './dto/requirement.dto';
import { actorInContract, RequirementAccessService } from './requirement-access.service';
import { RequirementsService } from './requirements.service';
import { refusalWhenFinished } from '../common/finished-workflow.refusal';

/** Who acts, and the keys that make a retried HTTP request harmless. */
export interface ActingContext {
  actor: Actor;
  requestId: string | null;
  /** `Idempotency-Key`, already bound to this caller and body at the HTTP edge. */
  idempotencyKey: string | null;
  /** On a keyed creation: what an earlier try with this key committed before its answer was lost. */
  createdBefore?: string | null;
}

/**
 * One action on a request: the workflow's Update decides (403 wrong role, 409 wrong state or
 * quota, 400 bad payload) and records it; the answer is built from the state it returns.
 */
@Injectable()
export class RequirementActionsService {
  constructor(
    private readonly access: RequirementAccessService,
    private readonly temporal: TemporalClientService,
    private readonly reads: RequirementsService,
  ) {}

  async run<A extends RequirementAction>(
    ctx: ActingContext,
    id: string,
    action: A,
    payload: RequirementPayloads[A],
  ): Promise<RequirementDto> {
    // The request's contract first: an outsider learns nothing, not even that it is closed.
    const { stored, contract } = await this.access.requireVisible(ctx.actor, id);
    const actor = actorInContract(ctx.actor, contract);
    const client = await this.temporal.client().catch(() => {
      throw new DomainError('dependency_unavailable', 'workflow.unreachable', {});
    });
    // Temporal deduplicates by update id too: a retry racing the first attempt runs once.
    const updateId = ctx.idempotencyKey
      ? `${action}:${actor.userId}:${ctx.idempotencyKey}`
      : undefined;
    try {
      const state = await runRequirementAction(
        client,
        id,
        action,
        { actor, payload: { ...payload }, requestId: ctx.requestId ?? undefined },
        { updateId },
      );
      return await this.reads.detail(ctx.actor, {
        stored: { ...stored, state, updatedAt: state.updatedAt },
        contract,
      });
    } catch (error) {
      throw refusalWhenFinished(error, id, action, stored.state.status);
    }
  }
}
