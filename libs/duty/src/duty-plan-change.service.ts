import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { contractYearOf, DomainError, shanghaiDate, validationFailed } from '@luyue/domain';
import { ContractRepository } from '@luyue/persistence';
import { TemporalClientService } from '@luyue/temporal';
import { DutyGenerationService } from './duty-generation.service';
import { dutyPlanProblems, type DutyPlan } from './duty-plan';
import { dutyWithdrawnSignal, dutyWorkflowId } from './duty.definitions';
import { DutyStore } from './store/duty.store';

/** A plan an agreed change request brings, keyed by the effect: applied once however retried. */
export interface DutyPlanChangeInput {
  contractId: string;
  plan: DutyPlan;
  replacesPlanId: string | null;
  by: string;
  key: string;
  changeRequestId: string;
  /** What the withdrawn occurrences say (the change that replaced their plan). */
  reason: string;
}

/**
 * The new plan stored (once per effect key) with its occurrences of the contract year under way
 * from today; the plan it replaces stops, and its occurrences not due yet and not recorded are
 * withdrawn by their workflows.
 */
@Injectable()
export class DutyPlanChangeService {
  constructor(
    private readonly store: DutyStore,
    private readonly generation: DutyGenerationService,
    private readonly contracts: ContractRepository,
    private readonly temporal: TemporalClientService,
  ) {}

  async apply(input: DutyPlanChangeInput): Promise<void> {
    const contract = await this.contracts.findById(input.contractId);
    if (!contract) throw new DomainError('not_found', 'contract.not_found', {});
    // The contract may have changed since the proposal was checked against it.
    const problems = dutyPlanProblems(input.plan, contract.settings.systems);
    if (problems.length > 0) throw validationFailed(problems);
    const replaced = input.replacesPlanId ? await this.store.findPlan(input.replacesPlanId) : null;
    if (input.replacesPlanId && replaced?.contractId !== input.contractId) {
      throw new DomainError('not_found', 'duty.plan_not_found', { id: input.replacesPlanId });
    }
    await this.store.insertPlan(randomUUID(), input.contractId, input.plan, input.by, input.key);
    const plan = await this.store.planBySource(input.key);
    if (!plan) throw new Error(`the plan of ${input.key} was not stored`);
    const today = shanghaiDate(new Date());
    if (replaced) {
      await this.store.deactivatePlan(replaced.id);
      const client = await this.temporal.client();
      for (const id of await this.store.futureOpenOf(replaced.id, today)) {
        await client.workflow
          .getHandle(dutyWorkflowId(id))
          .signal(dutyWithdrawnSignal, {
            reason: input.reason,
            changeRequestId: input.changeRequestId,
          })
          .catch((error: unknown) => {
            // Done since it was read: nothing to withdraw.
            if (!(error instanceof WorkflowNotFoundError)) throw error;
          });
      }
    }
    const year = contractYearOf(contract.years, today);
    if (year) await this.generation.generate(contract, plan, year, today);
  }
}
