import {
  contractSettingsProblems,
  mergedSettings,
  settingOfProblem,
  type ContractSettings,
  type FieldProblem,
} from '@luyue/domain';
import { type ChangeEffect } from '@luyue/change-request/definitions';
import { coverageProblem } from '@luyue/calendar';
import { slaPolicyProblems, type SlaPolicy } from '@luyue/fault-ticket/definitions';
import { dutyPlanProblems, type DutyPlan } from '@luyue/duty/definitions';
import type { ChangeEffectDto } from './dto/propose-change.dto';

/** The effect a DTO describes, or the problems with it (named `effects[i].field`). */
export function effectOf(
  dto: ChangeEffectDto,
  index: number,
): { effect: ChangeEffect } | { problems: FieldProblem[] } {
  const at = (field: string, message: string): FieldProblem => ({
    field: `effects[${index}].${field}`,
    message,
  });
  switch (dto.type) {
    case 'replan_requirement': {
      const problems = [
        ...(dto.requirementId ? [] : [at('requirementId', 'is required')]),
        ...(dto.plannedDeliveryDate ? [] : [at('plannedDeliveryDate', 'is required')]),
      ];
      if (problems.length > 0) return { problems };
      return {
        effect: {
          type: dto.type,
          requirementId: dto.requirementId!,
          plannedDeliveryDate: dto.plannedDeliveryDate!,
        },
      };
    }
    case 'grant_quota':
      if (!dto.requirementId) return { problems: [at('requirementId', 'is required')] };
      return { effect: { type: dto.type, requirementId: dto.requirementId } };
    case 'contract_settings': {
      const { systems, changeReplyWorkingDays, assessmentWorkingDays, retestWorkingDays } = dto;
      const { delayNoticeDays } = dto;
      const remediationWorkingDays = dto.remediationWorkingDays
        ? Object.fromEntries(
            Object.entries(dto.remediationWorkingDays).filter(([, v]) => v !== undefined),
          )
        : undefined;
      const given = {
        systems,
        changeReplyWorkingDays,
        assessmentWorkingDays,
        retestWorkingDays,
        delayNoticeDays,
        remediationWorkingDays,
      };
      const patch = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
      if (Object.keys(patch).length === 0) {
        return { problems: [at('type', 'name at least one setting to change')] };
      }
      if (systems?.some((s) => s.trim() === '')) {
        return { problems: [at('systems', 'must not contain empty names')] };
      }
      return { effect: { type: dto.type, ...patch } };
    }
    case 'sla_policy': {
      if (!dto.slaPolicy) return { problems: [at('slaPolicy', 'is required')] };
      const problems = slaPolicyProblems(dto.slaPolicy, coverageProblem).map((p) =>
        at(`slaPolicy.${p.field}`, p.message),
      );
      if (problems.length > 0) return { problems };
      return { effect: { type: dto.type, policy: dto.slaPolicy as unknown as SlaPolicy } };
    }
    case 'duty_plan': {
      if (!dto.dutyPlan) return { problems: [at('dutyPlan', 'is required')] };
      const plan = planOfEffect(dto.dutyPlan);
      // The contract's systems are checked where the contract is read (the proposal's service).
      const problems = dutyPlanProblems(plan, plan.systems).map((p) =>
        at(`dutyPlan.${p.field}`, p.message),
      );
      if (problems.length > 0) return { problems };
      return { effect: { type: dto.type, plan, replacesPlanId: dto.replacesPlanId ?? null } };
    }
  }
}

/**
 * The problems of the contract's settings once a contract_settings effect is merged into them
 * (a reply period no longer than its reminder lead, say), named `effects[i].<setting>`.
 */
export function settingsEffectProblems(
  current: ContractSettings,
  effect: Extract<ChangeEffect, { type: 'contract_settings' }>,
  index: number,
): FieldProblem[] {
  const { type: _type, ...patch } = effect;
  return contractSettingsProblems(mergedSettings(current, patch)).map((message) => ({
    field: `effects[${index}].${settingOfProblem(message)}`,
    message,
  }));
}

/** A plan as an effect carries it, its optional parts filled as the plan route fills them. */
function planOfEffect(raw: Record<string, unknown>): DutyPlan {
  const p = raw as Partial<DutyPlan> & Record<string, unknown>;
  return {
    kind: p.kind as DutyPlan['kind'],
    customKind: typeof p.customKind === 'string' ? p.customKind : null,
    title: typeof p.title === 'string' ? p.title.trim() : '',
    systems: Array.isArray(p.systems) ? p.systems : [],
    cadence: (typeof p.cadence === 'object' && p.cadence !== null
      ? p.cadence
      : { type: undefined }) as DutyPlan['cadence'],
    windowDays: typeof p.windowDays === 'number' ? p.windowDays : null,
    deadline: {
      workingDays: Number(p.deadline?.workingDays ?? Number.NaN),
      time: p.deadline?.time ?? null,
    },
    reminderWorkingDays: typeof p.reminderWorkingDays === 'number' ? p.reminderWorkingDays : 1,
    checklist: Array.isArray(p.checklist)
      ? p.checklist.filter((i) => typeof i === 'object' && i !== null)
      : [],
    signers: Array.isArray(p.signers) ? p.signers : [],
  };
}
