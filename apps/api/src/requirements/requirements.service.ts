import { Injectable } from '@nestjs/common';
import { allowedActions, type Actor, type RequirementDeadlines } from '@luyue/domain';
import {
  AuditEventRepository,
  RequirementRepository,
  type RequirementView,
} from '@luyue/persistence';
import { ContractAccessService } from '../contracts/contract-access.service';
import type { RequirementDto } from './dto/requirement.dto';
import type { RequirementListQueryDto, RequirementPageDto } from './dto/requirement-list.dto';
import {
  actorInContract,
  RequirementAccessService,
  type VisibleRequirement,
} from './requirement-access.service';
import { toTimeline } from './requirement-timeline.mapper';

/** Reading requests: one in full (with its timeline and the caller's buttons), or a page. */
@Injectable()
export class RequirementsService {
  constructor(
    private readonly access: RequirementAccessService,
    private readonly contracts: ContractAccessService,
    private readonly requirements: RequirementRepository,
    private readonly audit: AuditEventRepository,
  ) {}

  async get(actor: Actor, id: string): Promise<RequirementDto> {
    return this.detail(actor, await this.access.requireVisible(actor, id));
  }

  async detail(actor: Actor, { view, contract }: VisibleRequirement): Promise<RequirementDto> {
    const events = await this.audit.bySubject('requirement', view.id);
    const timeline = toTimeline(events.filter((e) => e.contractId === view.contractId));
    return toRequirementDto(view, timeline, allowedActions(view, actorInContract(actor, contract)));
  }

  async list(
    actor: Actor,
    contractId: string,
    query: RequirementListQueryDto,
  ): Promise<RequirementPageDto> {
    await this.contracts.requireParty(actor, contractId);
    return this.requirements.list(contractId, {
      status: query.status,
      kind: query.kind,
      overdue: query.overdue,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 50,
    });
  }
}

function toRequirementDto(
  view: RequirementView,
  timeline: RequirementDto['timeline'],
  actions: RequirementDto['allowedActions'],
): RequirementDto {
  const state = view.state;
  return {
    id: view.id,
    contractId: view.contractId,
    contractYear: view.contractYear,
    status: view.status,
    title: view.title,
    description: view.description,
    system: view.system,
    priority: view.priority,
    kind: view.kind,
    submittedBy: view.submittedBy,
    receivedAt: view.receivedAt,
    assessmentDueAt: view.assessmentDueAt,
    assessmentProvisional: view.assessmentProvisional,
    plannedDeliveryDate: view.plannedDeliveryDate,
    estimatePersonDays: view.estimatePersonDays,
    actualPersonDays: view.actualPersonDays,
    loggedPersonDays: view.loggedPersonDays,
    quotaReservedPersonDays: state?.quotaReservedPersonDays ?? 0,
    deadlines: state?.deadlines ?? deadlinesOfRow(view),
    assessment: state?.assessment ?? null,
    kindDecision: state?.kindDecision ?? null,
    approval: state?.approval ?? null,
    replans: state?.replans ?? [],
    testRounds: state?.testRounds ?? [],
    release: state?.release ?? null,
    acceptance: state?.acceptance ?? null,
    closure: state?.closure ?? null,
    breaches: view.breaches,
    workLog: view.workLog,
    timeline,
    allowedActions: actions,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}

/** Before the workflow's first write there is no snapshot, only the row's columns. */
function deadlinesOfRow(view: RequirementView): RequirementDeadlines {
  return {
    assessment: view.assessmentDueAt
      ? {
          dueAt: view.assessmentDueAt,
          reminderAt: null,
          provisional: view.assessmentProvisional,
          reminderSentAt: null,
          breachedAt: null,
        }
      : null,
    delivery: null,
    signOff: null,
  };
}
