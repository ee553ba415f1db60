import { Injectable } from '@nestjs/common';
import { type Actor } from '@luyue/domain';
import {
  type RequirementAction,
  type RequirementPayloads,
  type RequirementState,
} from '@luyue/requirement/definitions';
import {
  RequirementQueryRepository,
  type StoredRequirement,
  runRequirementAction,
} from '@luyue/requirement';
import type { SubjectKind, Visible } from '../contracts/contract-access.service';
import type { ActingContext } from '../kit/acting-context';
import { ActionRunner, type ActionProcess } from '../kit/action-runner';
import type { RequirementDto } from './dto/requirement.dto';
import { requirementSubjects } from './requirement-access.service';
import { RequirementsService } from './requirements.service';

/**
 * Customization requests as the action runner needs them: a request by its number, its Update,
 * and the request answered as the Update left it (its timeline and the caller's buttons).
 */
type RequirementProcess = ActionProcess<
  RequirementAction,
  RequirementPayloads,
  RequirementState,
  StoredRequirement,
  RequirementDto
>;

@Injectable()
export class RequirementActionsService implements RequirementProcess {
  readonly subjects: SubjectKind<StoredRequirement>;

  constructor(
    private readonly runner: ActionRunner,
    private readonly reads: RequirementsService,
    requirements: RequirementQueryRepository,
  ) {
    this.subjects = requirementSubjects(requirements);
  }

  /** One action on a request, from a route or a console form. */
  run<A extends RequirementAction>(
    ctx: ActingContext,
    id: string,
    action: A,
    payload: RequirementPayloads[A],
  ): Promise<RequirementDto> {
    return this.runner.run<
      RequirementAction,
      RequirementPayloads,
      RequirementState,
      StoredRequirement,
      RequirementDto,
      A
    >(this, ctx, id, action, { ...payload });
  }

  statusOf(stored: StoredRequirement): string {
    return stored.state.status;
  }

  update = runRequirementAction;

  answer(
    caller: Actor,
    { subject, contract }: Visible<StoredRequirement>,
    state: RequirementState,
  ): Promise<RequirementDto> {
    return this.reads.detail(caller, {
      stored: { ...subject, state, updatedAt: state.updatedAt },
      contract,
    });
  }
}
