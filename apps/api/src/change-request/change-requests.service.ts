import { actorRefOf, fieldProblem } from '@luyue/domain';
import { StoredFileRepository } from '@luyue/persistence';
import { Injectable } from '@nestjs/common';
import { requirementYearLabel } from '@luyue/requirement/definitions';
import {
  allowedChangeActions,
  type ChangeEffect,
  type ChangeRequestInput,
  type ChangeRequestState,
} from '@luyue/change-request/definitions';
import {
  auditActorOf,
  contractYearOf,
  DomainError,
  validationFailed,
  type FieldProblem,
  hasAnyRole,
  type Actor,
  shanghaiDate,
  type LinkTokenPayload,
  type Role,
} from '@luyue/domain';
import {
  AuditEventRepository,
  IdempotencyKeyRepository,
  TransactionRunner,
  type ContractRecord,
} from '@luyue/persistence';
import {
  ChangeRequestQueryRepository,
  ChangeRequestStore,
  firstChangeState,
  startChangeRequest,
} from '@luyue/change-request';
import { RequirementQueryRepository } from '@luyue/requirement';
import { TemporalClientService } from '@luyue/temporal';
import { ContractAccessService } from '../contracts/contract-access.service';
import { actorInContract } from '../kit/access.decision';
import type { ActingContext } from '../kit/acting-context';
import { RequirementRecipientsService } from '../requirement/requirement-recipients.service';
import { toTimeline } from '../requirement/requirement-timeline.mapper';
import { ChangeRequestAccessService } from './change-request-access.service';
import { toChangeDto, toChangeListItem } from './change-request-dto.mapper';
import { effectOf, settingsEffectProblems } from './change-effects.rules';
import type { ChangePageDto, ChangeListQueryDto } from './dto/change-list.dto';
import type { ChangeRequestDto } from './dto/change-request.dto';
import type { ProposeChangeDto } from './dto/propose-change.dto';

/** Who may propose: the hospital (for itself and its end users), the vendor PM, the supervisor. */
export const PROPOSER_ROLES: [Role, ...Role[]] = [
  'hospital_staff',
  'hospital_manager',
  'vendor_pm',
  'supervisor',
];

/**
 * Change requests (rule 3) on the workflow: proposing (number, row, audit, start in one
 * transaction; the answer once the reply deadlines are recorded), reading, and every action and
 * reply as one Update, whether from the console, the REST api or an email link.
 */
@Injectable()
export class ChangeRequestsService {
  constructor(
    private readonly contracts: ContractAccessService,
    private readonly access: ChangeRequestAccessService,
    private readonly store: ChangeRequestStore,
    private readonly storedFiles: StoredFileRepository,
    private readonly queries: ChangeRequestQueryRepository,
    private readonly requirements: RequirementQueryRepository,
    private readonly audit: AuditEventRepository,
    private readonly keys: IdempotencyKeyRepository,
    private readonly tx: TransactionRunner,
    private readonly temporal: TemporalClientService,
    private readonly recipients: RequirementRecipientsService,
  ) {}

  async propose(
    { actor, requestId, idempotencyKey, createdBefore }: ActingContext,
    contractId: string,
    body: ProposeChangeDto,
  ): Promise<ChangeRequestDto> {
    if (createdBefore) return this.get(actor, createdBefore);
    const { contract } = await this.contracts.requireActingParty(actor, contractId);
    const proposer = actorInContract(actor, contract);
    if (!hasAnyRole(proposer, PROPOSER_ROLES)) {
      throw new DomainError('forbidden', 'change.proposer_roles', { roles: PROPOSER_ROLES });
    }
    const effects = await this.effects(contract, body, proposer);
    const proposedAt = new Date().toISOString();
    const year = contractYearOf(contract.years, shanghaiDate(proposedAt));
    if (!year) {
      throw new DomainError('invalid_state', 'contract.not_in_service', {
        number: contract.number,
      });
    }
    const [notify, client] = await Promise.all([this.recipients.byRole(contract), this.client()]);
    const id = await this.tx.run(async (m) => {
      const id = await this.store.allocate(m, requirementYearLabel(year));
      const row = {
        id,
        contractId,
        contractYear: year.yearNo,
        title: body.title.trim(),
        description: body.description,
        changeType: body.changeType,
        proposerParty: proposer.party!,
        proposedById: proposer.userId,
        proposedByEmail: proposer.email,
        proposedAt,
      };
      await this.store.insertProposed(m, row);
      if (idempotencyKey) await this.keys.recordSubject(m, idempotencyKey, id);
      const attachments = await this.storedFiles.attachFiles(
        m,
        contractId,
        body.attachments ?? [],
        {
          type: 'change_request',
          id,
        },
      );
      await this.audit.append(m, {
        ...auditActorOf(proposer),
        action: 'change_request.proposed',
        subjectType: 'change_request',
        subjectId: id,
        contractId,
        summary: {
          after: { status: 'awaiting_replies' },
          payload: {
            title: row.title,
            changeType: row.changeType,
            impact: body.impact,
            effects,
            attachments: attachments.map((a) => ({ filename: a.filename, sha256: a.sha256 })),
          },
        },
        requestId,
        workflowId: id,
      });
      const input: ChangeRequestInput = {
        changeRequestId: id,
        contractId,
        contractYear: year.yearNo,
        title: row.title,
        description: row.description,
        changeType: body.changeType,
        impact: {
          scope: body.impact.scope.trim(),
          schedule: body.impact.schedule.trim(),
          cost: body.impact.cost.trim(),
        },
        effects,
        attachments,
        proposedBy: { ...actorRefOf(proposer), party: proposer.party!, roles: proposer.roles },
        proposedAt,
        settings: {
          replyWorkingDays: contract.settings.changeReplyWorkingDays,
          reminderLeadWorkingDays: [2, 1],
        },
        notify,
      };
      await startChangeRequest(client, this.temporal.taskQueue, input).catch(() => {
        throw unavailable();
      });
      return id;
    });
    const state = await firstChangeState(client, id);
    return this.detail(actor, contract, state, body.description);
  }

  async list(actor: Actor, contractId: string, query: ChangeListQueryDto): Promise<ChangePageDto> {
    await this.contracts.requireParty(actor, contractId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const found = await this.queries.list(contractId, { status: query.status, page, pageSize });
    return { items: found.items.map(toChangeListItem), total: found.total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<ChangeRequestDto> {
    const { row, contract } = await this.access.requireVisible(actor, id);
    return this.detail(actor, contract, row.state!, row.description);
  }

  /** What waits for the actor: open changes where its party and role may act now. */

  /** A link that may not decide (its party settled, the change moved on), in the trail. */
  async auditLinkRefusal(
    link: LinkTokenPayload,
    reason: string,
    message: string,
    requestId: string | null,
  ): Promise<void> {
    await this.tx.run((m) =>
      this.audit.append(m, {
        actorType: 'link_recipient',
        actorId: null,
        actorEmail: link.recipient,
        party: link.party,
        action: 'link_token.refused',
        subjectType: 'change_request',
        subjectId: link.subjectId,
        contractId: link.contractId,
        summary: { reason, message, jti: link.jti },
        requestId,
      }),
    );
  }

  async detail(
    actor: Actor,
    contract: ContractRecord,
    state: ChangeRequestState,
    description: string,
  ): Promise<ChangeRequestDto> {
    const events = await this.audit.bySubject('change_request', state.changeRequestId);
    const acting = actor.kind === 'link' ? actor : actorInContract(actor, contract);
    return toChangeDto(
      state,
      description,
      toTimeline(events.filter((e) => e.contractId === contract.id)),
      acting.party ? allowedChangeActions(state, acting) : [],
    );
  }

  /** Effects checked against the contract: named requests must be this contract's. */
  private async effects(
    contract: ContractRecord,
    body: ProposeChangeDto,
    proposer: Actor,
  ): Promise<ChangeEffect[]> {
    const problems: FieldProblem[] = [];
    const effects: ChangeEffect[] = [];
    for (const [i, dto] of (body.effects ?? []).entries()) {
      const checked = effectOf(dto, i);
      if ('problems' in checked) {
        problems.push(...checked.problems);
        continue;
      }
      const e = checked.effect;
      // The grant is the hospital manager's quota decision, made by the one who agreed for the
      // hospital: a hospital proposer agrees for it, so it must be a manager.
      if (
        e.type === 'grant_quota' &&
        proposer.party === 'hospital' &&
        !hasAnyRole(proposer, ['hospital_manager'])
      ) {
        problems.push({
          field: `effects[${i}].type`,
          message:
            'a quota grant needs the hospital manager: propose it as hospital_manager, or let another party propose it so the hospital manager replies',
        });
        continue;
      }
      if (e.type === 'contract_settings') {
        const invalid = settingsEffectProblems(contract.settings, e, i);
        if (invalid.length > 0) {
          problems.push(...invalid);
          continue;
        }
      } else if (e.type === 'duty_plan') {
        const known = contract.settings.systems;
        if (e.plan.systems.some((sys) => !known.includes(sys))) {
          problems.push(
            fieldProblem(`effects[${i}].dutyPlan.systems`, 'field.unknown_system', { known }),
          );
          continue;
        }
      } else if (e.type !== 'sla_policy') {
        const found = await this.requirements.find(e.requirementId);
        if (!found || found.contractId !== contract.id) {
          problems.push(
            fieldProblem(`effects[${i}].requirementId`, 'field.unknown_requirement', {}),
          );
          continue;
        }
      }
      effects.push(e);
    }
    if (problems.length > 0) throw validationFailed(problems);
    return effects;
  }
  private async client() {
    try {
      return await this.temporal.client();
    } catch {
      throw unavailable();
    }
  }
}

function unavailable(): DomainError {
  return new DomainError('dependency_unavailable', 'workflow.unreachable_nothing_recorded', {});
}
