import { actorRefOf } from '@luyue/domain';
import type { Actor } from '@luyue/domain';
import { addCalendarDays, endOfShanghaiDate } from '@luyue/domain';
import { roundPersonDays, type QuotaOperation } from './quota.calculator';
import { isLateReplanNotice } from './requirement-payload.validator';
import { REQUIREMENT_TRANSITIONS } from './requirement.rules';
import {
  type CustomizationRequestInput,
  type CustomizationRequestSettings,
  type RequirementActionCall,
  type RequirementBreach,
  type RequirementState,
  type RequirementStatus,
  type WorkLogEntry,
} from './requirement.types';

/** One accepted action: the state after it and what the persisting activity must also write. */
export interface RequirementChange {
  next: RequirementState;
  fromStatus: RequirementStatus;
  toStatus: RequirementStatus;
  /** Quota to reserve, consume or release in the same transaction; null for none. */
  quota: QuotaOperation | null;
  /** A new work-log row (log-effort). */
  workLog: WorkLogEntry | null;
  /** A missed deadline to record (a late replan notice). */
  breach: RequirementBreach | null;
}

export function initialRequirementState(
  input: Omit<CustomizationRequestInput, 'settings' | 'notify'>,
): RequirementState {
  return {
    requirementId: input.requirementId,
    contractId: input.contractId,
    contractYear: input.contractYear,
    title: input.title,
    system: input.system,
    priority: input.priority,
    submittedBy: input.submittedBy,
    receivedAt: input.receivedAt,
    status: 'assessing',
    seq: 0,
    assessment: null,
    kind: null,
    kindDecision: null,
    approval: null,
    quotaReservedPersonDays: 0,
    plannedDeliveryDate: null,
    replans: [],
    workLog: [],
    loggedPersonDays: 0,
    testRounds: [],
    release: null,
    acceptance: null,
    closure: null,
    breaches: [],
    deadlines: { assessment: null, delivery: null, signOff: null },
    updatedAt: input.receivedAt,
  };
}

/**
 * The state after an action that `checkAction` and `validatePayload` allowed. Pure: the workflow
 * keeps the result only once the activity has persisted it.
 */
export function applyRequirementAction(
  state: RequirementState,
  call: RequirementActionCall,
  actor: Actor,
  at: string,
  settings: Pick<CustomizationRequestSettings, 'delayNoticeDays'>,
): RequirementChange {
  const by = actorRefOf(actor);
  const to = REQUIREMENT_TRANSITIONS[call.action].to ?? state.status;
  const next: RequirementState = { ...state, status: to, seq: state.seq + 1, updatedAt: at };
  let quota: QuotaOperation | null = null;
  let workLog: WorkLogEntry | null = null;
  let breach: RequirementBreach | null = null;
  const releaseQuota = (): void => {
    if (state.quotaReservedPersonDays > 0) quota = { op: 'release' };
    next.quotaReservedPersonDays = 0;
  };

  switch (call.action) {
    case 'assess': {
      const p = call.payload;
      const dueAt = state.deadlines.assessment?.dueAt;
      next.assessment = {
        kind: p.kind,
        feasibility: p.feasibility,
        estimatePersonDays: p.estimatePersonDays,
        plannedDeliveryDate: p.plannedDeliveryDate,
        solution: p.solution,
        alternativeSolution: p.alternativeSolution ?? null,
        assessedAt: at,
        assessedBy: by,
        onTime: dueAt === undefined || Date.parse(at) <= Date.parse(dueAt),
      };
      next.kind = p.kind;
      next.plannedDeliveryDate = p.plannedDeliveryDate;
      break;
    }
    case 'approve': {
      const assessment = state.assessment!;
      const kind = call.payload.kind ?? assessment.kind;
      if (kind !== assessment.kind) {
        next.kindDecision = {
          vendorKind: assessment.kind,
          decidedKind: kind,
          decidedBy: by,
          decidedAt: at,
        };
      }
      next.kind = kind;
      const quotaDecision =
        kind === 'interface_new' ? (call.payload.quotaDecision ?? 'within_quota') : null;
      const { changeRequestId } = call.payload;
      next.approval = {
        approvedAt: at,
        approvedBy: by,
        quotaDecision,
        ...(changeRequestId ? { changeRequestId } : {}),
      };
      if (quotaDecision !== null) {
        quota = {
          op: 'reserve',
          personDays: assessment.estimatePersonDays,
          decision: quotaDecision,
          ...(changeRequestId ? { changeRequestId } : {}),
        };
        next.quotaReservedPersonDays =
          quotaDecision === 'within_quota' ? assessment.estimatePersonDays : 0;
      }
      break;
    }
    case 'reject':
    case 'cancel':
      next.closure = {
        status: call.action === 'reject' ? 'rejected' : 'cancelled',
        at,
        by,
        reason: call.payload.reason,
      };
      releaseQuota();
      break;
    case 'start-development':
      break;
    case 'log-effort': {
      workLog = { ...call.payload, by, loggedAt: at };
      next.workLog = [...state.workLog, workLog];
      next.loggedPersonDays = roundPersonDays(state.loggedPersonDays + call.payload.personDays);
      break;
    }
    case 'submit-for-testing':
      next.testRounds = [
        ...state.testRounds,
        {
          version: call.payload.version,
          notes: call.payload.notes,
          submittedAt: at,
          submittedBy: by,
          result: null,
          resultNotes: null,
          decidedAt: null,
          decidedBy: null,
        },
      ];
      break;
    case 'pass-testing':
    case 'fail-testing': {
      const rounds = [...state.testRounds];
      rounds[rounds.length - 1] = {
        ...rounds[rounds.length - 1],
        result: call.action === 'pass-testing' ? 'passed' : 'failed',
        resultNotes: call.payload.notes,
        decidedAt: at,
        decidedBy: by,
      };
      next.testRounds = rounds;
      break;
    }
    case 'release': {
      const inTime =
        state.plannedDeliveryDate === null ||
        Date.parse(at) <= Date.parse(endOfShanghaiDate(state.plannedDeliveryDate));
      next.release = {
        ...call.payload,
        releasedAt: at,
        releasedBy: by,
        onTime: inTime && !state.replans.some((r) => r.late),
      };
      break;
    }
    case 'accept': {
      const actual = call.payload.actualPersonDays ?? state.loggedPersonDays;
      next.acceptance = {
        acceptedAt: at,
        acceptedBy: by,
        actualPersonDays: actual,
        note: call.payload.note,
      };
      if (state.quotaReservedPersonDays > 0) quota = { op: 'consume', personDays: actual };
      next.quotaReservedPersonDays = 0;
      break;
    }
    case 'replan': {
      const from = state.plannedDeliveryDate!;
      const late =
        call.payload.changeRequestId === undefined &&
        isLateReplanNotice(at, from, settings.delayNoticeDays);
      next.replans = [
        ...state.replans,
        {
          from,
          to: call.payload.plannedDeliveryDate,
          reason: call.payload.reason,
          noticeAt: at,
          by,
          late,
        },
      ];
      next.plannedDeliveryDate = call.payload.plannedDeliveryDate;
      if (late) {
        // The notice was due by the end of the day `delayNoticeDays` before the old date.
        const dueAt = endOfShanghaiDate(addCalendarDays(from, -settings.delayNoticeDays));
        breach = { kind: 'late_replan_notice', dueAt, recordedAt: at };
        next.breaches = [...state.breaches, breach];
      }
      break;
    }
    default: {
      const unknown: never = call;
      throw new Error(`unhandled action ${String(unknown)}`);
    }
  }
  return { next, fromStatus: state.status, toStatus: to, quota, workLog, breach };
}
