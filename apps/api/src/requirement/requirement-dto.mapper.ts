import type { RequirementAction } from '@luyue/requirement/definitions';
import type { StoredRequirement } from '@luyue/requirement';
import type {
  RequirementAttachmentDto,
  RequirementDto,
  TimelineEntryDto,
} from './dto/requirement.dto';

/** The one mapping from a stored request (the workflow's state and the api's columns) to the DTO. */
export function toRequirementDto(
  stored: StoredRequirement,
  timeline: TimelineEntryDto[],
  allowedActions: RequirementAction[],
  attachments: RequirementAttachmentDto[],
): RequirementDto {
  const s = stored.state;
  return {
    id: s.requirementId,
    contractId: s.contractId,
    contractYear: s.contractYear,
    status: s.status,
    title: s.title,
    description: stored.description,
    system: s.system,
    priority: s.priority,
    kind: s.kind,
    submittedBy: { id: s.submittedBy.userId, email: s.submittedBy.email, name: s.submittedBy.name },
    receivedAt: s.receivedAt,
    assessmentDueAt: s.deadlines.assessment?.dueAt ?? null,
    assessmentProvisional: s.deadlines.assessment?.provisional ?? false,
    plannedDeliveryDate: s.plannedDeliveryDate,
    estimatePersonDays: s.assessment?.estimatePersonDays ?? null,
    actualPersonDays: s.acceptance?.actualPersonDays ?? null,
    loggedPersonDays: s.loggedPersonDays,
    quotaReservedPersonDays: s.quotaReservedPersonDays,
    deadlines: s.deadlines,
    assessment: s.assessment,
    kindDecision: s.kindDecision,
    approval: s.approval,
    replans: s.replans,
    testRounds: s.testRounds,
    release: s.release,
    acceptance: s.acceptance,
    closure: s.closure,
    breaches: s.breaches,
    workLog: s.workLog.map((w) => ({
      date: w.date,
      personDays: w.personDays,
      note: w.note,
      userId: w.by.userId,
      userEmail: w.by.email,
      loggedAt: w.loggedAt,
    })),
    attachments,
    timeline,
    allowedActions,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}
