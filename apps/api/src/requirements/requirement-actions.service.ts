import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type Actor,
  type RequirementAction,
  type RequirementPayloads,
} from '@luyue/domain';
import { RequirementRepository } from '@luyue/persistence';
import { runRequirementAction, TemporalClientService } from '@luyue/temporal';
import type { RequirementDto } from './dto/requirement.dto';
import { actorInContract, RequirementAccessService } from './requirement-access.service';
import { RequirementsService } from './requirements.service';

/** Who acts, and the keys that make a retried HTTP request harmless. */
export interface ActingContext {
  actor: Actor;
  requestId: string | null;
  /** `Idempotency-Key`: the same key for the same action runs it once. */
  idempotencyKey: string | null;
}

/**
 * One action on a request: the workflow's Update decides (403 wrong role, 409 wrong state or
 * quota, 400 bad payload) and records it; the answer is the request as read afterwards.
 */
@Injectable()
export class RequirementActionsService {
  constructor(
    private readonly access: RequirementAccessService,
    private readonly requirements: RequirementRepository,
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
    const visible = await this.access.requireVisible(ctx.actor, id);
    const actor = actorInContract(ctx.actor, visible.contract);
    const client = await this.temporal.client().catch(() => {
      throw new DomainError('dependency_unavailable', 'The workflow service is not reachable');
    });
    try {
      await runRequirementAction(
        client,
        id,
        action,
        { actor, payload: { ...payload }, requestId: ctx.requestId ?? undefined },
        { updateId: ctx.idempotencyKey ? `${action}:${ctx.idempotencyKey}` : undefined },
      );
    } catch (error) {
      if (isClosedWorkflow(error)) throw await this.closed(id, action);
      throw error;
    }
    return this.reads.detail(ctx.actor, await this.access.requireVisible(ctx.actor, id));
  }

  /** A finished workflow takes no more Updates: answer from the row's final status. */
  private async closed(id: string, action: RequirementAction): Promise<DomainError> {
    const view = await this.requirements.findView(id);
    const status = view?.status ?? 'unknown';
    return new DomainError('invalid_state', `${id} is ${status}: ${action} is not possible now`, {
      action,
      currentStatus: status,
      allowedActions: [],
    });
  }
}

function isClosedWorkflow(error: unknown): boolean {
  return (
    error instanceof DomainError &&
    error.code === 'not_found' &&
    error.details?.workflowClosed === true
  );
}
