import { Injectable } from '@nestjs/common';
import {
  contractSettingsProblems,
  mergedSettings,
  DomainError,
  rolesInContract,
  type Actor,
  zhOf,
} from '@luyue/domain';
import { type ChangeEffect, type EffectResult } from '../change-request.types';
import {
  AuditEventRepository,
  ContractRepository,
  TransactionRunner,
  UserRepository,
} from '@luyue/persistence';
import { runRequirementAction } from '@luyue/requirement';
import { FaultTicketStore } from '@luyue/fault-ticket';
import { DutyPlanChangeService } from '@luyue/duty';
import { TemporalClientService } from '@luyue/temporal';
import type { ChangeRequestActivities } from '../change-request.activity-types';

type EffectInput = Parameters<ChangeRequestActivities['applyChangeEffect']>[0];

/**
 * Applies a confirmed change's effects, each through its target's own process: a request's
 * Update (so its workflow checks, records and mails it as usual; the Update id makes a retry
 * apply nothing twice), or the contract's settings (re-applying the same values writes nothing).
 */
@Injectable()
export class ChangeEffectsService {
  constructor(
    private readonly temporal: TemporalClientService,
    private readonly users: UserRepository,
    private readonly contracts: ContractRepository,
    private readonly audit: AuditEventRepository,
    private readonly tx: TransactionRunner,
    private readonly faults: FaultTicketStore,
    private readonly duties: DutyPlanChangeService,
  ) {}

  async applyChangeEffect(input: EffectInput): Promise<EffectResult> {
    try {
      await this.apply(input);
      return { effect: input.effect, outcome: 'applied', message: null };
    } catch (error) {
      // A refusal by the target's own rules is the outcome, not a failure to retry; so is an
      // error no retry can cure (a bad value), which would otherwise jam the change's workflow.
      if (isTransient(error)) throw error;
      return { effect: input.effect, outcome: 'refused', message: (error as Error).message };
    }
  }

  private async apply({ key, changeRequestId, contractId, effect, actorUserId }: EffectInput) {
    const actor = await this.actorFor(actorUserId, contractId);
    const reason = zhOf('change.effect_reason', { id: changeRequestId });
    const client = await this.temporal.client();
    const run = (e: ChangeEffect) => {
      switch (e.type) {
        case 'replan_requirement':
          return runRequirementAction(
            client,
            e.requirementId,
            'replan',
            {
              actor,
              payload: { plannedDeliveryDate: e.plannedDeliveryDate, reason, changeRequestId },
            },
            { updateId: key, timeoutMs: 60_000 },
          );
        case 'grant_quota':
          return runRequirementAction(
            client,
            e.requirementId,
            'approve',
            { actor, payload: { quotaDecision: 'outside_quota', changeRequestId } },
            { updateId: key, timeoutMs: 60_000 },
          );
        case 'contract_settings':
          return this.updateContract(contractId, e, actor, changeRequestId);
        case 'sla_policy':
          return this.faults.savePolicyOnce(contractId, e.policy, actor.userId, key);
        case 'duty_plan':
          return this.duties.apply({
            contractId,
            plan: e.plan,
            replacesPlanId: e.replacesPlanId,
            by: actor.userId,
            key,
            changeRequestId,
            reason,
          });
      }
    };
    await run(effect);
  }

  private async updateContract(
    contractId: string,
    effect: Extract<ChangeEffect, { type: 'contract_settings' }>,
    actor: Actor,
    changeRequestId: string,
  ): Promise<void> {
    const { type: _type, ...patch } = effect;
    await this.tx.run(async (m) => {
      const before = await this.contracts.lockSettings(m, contractId);
      if (!before) throw new DomainError('not_found', 'contract.not_found', {});
      // The settings may have changed since the proposal was checked against them.
      const after = mergedSettings(before, patch);
      const problems = contractSettingsProblems(after);
      if (problems.length > 0) {
        throw new DomainError('validation_failed', 'validation.text', {
          text: problems.join('; '),
        });
      }
      if (JSON.stringify(after) === JSON.stringify(before)) return;
      await this.contracts.updateSettings(m, contractId, after);
      await this.audit.append(m, {
        actorType: 'user',
        actorId: actor.userId,
        actorEmail: actor.email,
        party: actor.party,
        action: 'contract.settings_updated',
        subjectType: 'contract',
        subjectId: contractId,
        contractId,
        summary: { before, after, changeRequestId },
      });
    });
  }

  /** The user who agreed for the party, with the roles it holds in this contract now. */
  private async actorFor(userId: string, contractId: string): Promise<Actor> {
    const [user, contract] = await Promise.all([
      this.users.findById(userId),
      this.contracts.findById(contractId),
    ]);
    if (!user || !contract) throw new DomainError('not_found', 'change.agreeing_user_gone', {});
    const actor: Actor = {
      kind: 'user',
      userId: user.id,
      email: user.email,
      name: user.name,
      organizationId: user.organization.id,
      party: user.organization.party,
      roles: user.roles,
    };
    return { ...actor, roles: rolesInContract(actor, contract) };
  }
}

/** Worth retrying: the database or Temporal not answering, as opposed to a refusal or bad value. */
function isTransient(error: unknown): boolean {
  if (error instanceof DomainError) return error.code === 'dependency_unavailable';
  return !(error instanceof RangeError || error instanceof TypeError);
}
