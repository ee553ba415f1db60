import { Injectable } from '@nestjs/common';
import { allowedActions } from '@luyue/requirement/definitions';
import { type Actor } from '@luyue/domain';
import { AuditEventRepository } from '@luyue/persistence';
import { RequirementQueryRepository } from '@luyue/requirement';
import { ContractAccessService } from '../contracts/contract-access.service';
import type { RequirementDto } from './dto/requirement.dto';
import type { RequirementListQueryDto, RequirementPageDto } from './dto/requirement-list.dto';
import { actorInContract } from '../kit/access.decision';
import { RequirementAccessService, type VisibleRequirement } from './requirement-access.service';
import { RequirementAttachmentsService } from './requirement-attachments.service';
import { toRequirementDto } from './requirement-dto.mapper';
import { toTimeline } from './requirement-timeline.mapper';

/** How many open requests a form offers; a contract has far fewer open at once. */
const OPEN_CHOICES = 500;

/** Reading requests: one in full (with its timeline and the caller's buttons), or a page. */
@Injectable()
export class RequirementsService {
  constructor(
    private readonly access: RequirementAccessService,
    private readonly contracts: ContractAccessService,
    private readonly requirements: RequirementQueryRepository,
    private readonly audit: AuditEventRepository,
    private readonly attachments: RequirementAttachmentsService,
  ) {}

  async get(actor: Actor, id: string): Promise<RequirementDto> {
    return this.detail(actor, await this.access.requireVisible(actor, id));
  }

  /**
   * The request for this caller: as stored, with its timeline (the audit trail) and the actions
   * the caller may take now. An action or a submission passes the state its Update returned.
   */
  async detail(actor: Actor, { stored, contract }: VisibleRequirement): Promise<RequirementDto> {
    const events = await this.audit.bySubject('requirement', stored.id);
    const timeline = toTimeline(events.filter((e) => e.contractId === stored.contractId));
    const actions = allowedActions(stored.state, actorInContract(actor, contract));
    const attachments = await this.attachments.list(stored.contractId, stored.id);
    return toRequirementDto(stored, timeline, actions, attachments);
  }

  /** The contract's open requests to pick from (a change naming the request it affects). */
  async openChoices(
    actor: Actor,
    contractId: string,
  ): Promise<Array<{ value: string; label: string }>> {
    await this.contracts.requireParty(actor, contractId);
    const open = await this.requirements.openChoices(contractId, OPEN_CHOICES);
    return open.map((r) => ({ value: r.id, label: `${r.id} ${r.title}` }));
  }

  /** Every open request of the contract, with its stored deadlines (what may wait for someone). */

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
      system: query.system,
      contractYear: query.year,
      q: query.q,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 50,
    });
  }
}
