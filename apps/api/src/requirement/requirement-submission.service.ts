import { actorRefOf } from '@luyue/domain';
import { Injectable, Logger } from '@nestjs/common';
import {
  type CustomizationRequestInput,
  customizationRequestSettings,
  requirementYearLabel,
} from '@luyue/requirement/definitions';
import {
  auditActorOf,
  contractYearOf,
  DomainError,
  validationFailed,
  fieldProblem,
  hasAnyRole,
  shanghaiDate,
  type Role,
} from '@luyue/domain';
import {
  AuditEventRepository,
  IdempotencyKeyRepository,
  TransactionRunner,
  type ContractRecord,
} from '@luyue/persistence';
import {
  RequirementNumberingRepository,
  type NewRequirementRow,
  firstRequirementState,
  startCustomizationRequest,
} from '@luyue/requirement';
import { TemporalClientService } from '@luyue/temporal';
import { ContractAccessService } from '../contracts/contract-access.service';
import type { RequirementDto } from './dto/requirement.dto';
import type { SubmitRequirementDto } from './dto/submit-requirement.dto';
import type { ActingContext } from '../kit/acting-context';
import { actorInContract } from '../kit/access.decision';
import { RequirementRecipientsService } from './requirement-recipients.service';
import { RequirementsService } from './requirements.service';

export const SUBMITTER_ROLES: [Role, ...Role[]] = ['hospital_staff', 'hospital_manager'];

/**
 * Receiving a request: number, row and audit event in one transaction, the workflow started
 * before that transaction commits, so a Temporal refusal leaves nothing behind, not even a
 * number. The answer is the state the workflow's `received` Update returns: the request with its
 * assessment deadline, without polling the database.
 */
@Injectable()
export class RequirementSubmissionService {
  private readonly logger = new Logger(RequirementSubmissionService.name);

  constructor(
    private readonly contracts: ContractAccessService,
    private readonly numbering: RequirementNumberingRepository,
    private readonly audit: AuditEventRepository,
    private readonly keys: IdempotencyKeyRepository,
    private readonly tx: TransactionRunner,
    private readonly temporal: TemporalClientService,
    private readonly recipients: RequirementRecipientsService,
    private readonly reads: RequirementsService,
  ) {}

  async submit(
    { actor, requestId, idempotencyKey, createdBefore }: ActingContext,
    contractId: string,
    body: SubmitRequirementDto,
  ): Promise<RequirementDto> {
    if (createdBefore) return this.reads.get(actor, createdBefore);
    const { contract } = await this.contracts.requireActingParty(actor, contractId);
    const submitter = actorInContract(actor, contract);
    if (!hasAnyRole(submitter, SUBMITTER_ROLES)) {
      throw new DomainError('forbidden', 'requirement.hospital_submits', {});
    }
    checkSystem(contract, body.system);
    const receivedAt = new Date().toISOString();
    const year = contractYearOf(contract.years, shanghaiDate(receivedAt));
    if (!year) {
      throw new DomainError('invalid_state', 'contract.not_in_service', {
        number: contract.number,
        startDate: contract.startDate,
        endDate: contract.endDate,
      });
    }
    const [notify, client] = await Promise.all([
      this.recipients.byRole(contract),
      this.temporalClient(),
    ]);
    // The counter row stays locked until commit, so only the plain start (one call, no worker
    // involved) runs inside the transaction; the first state is asked for after it.
    const { id, description } = await this.tx.run(async (manager) => {
      const id = await this.numbering.allocate(manager, requirementYearLabel(year));
      const row: NewRequirementRow = {
        id,
        contractId,
        contractYear: year.yearNo,
        title: body.title.trim(),
        description: body.description,
        system: body.system,
        priority: body.priority ?? 'normal',
        submittedById: submitter.userId,
        submittedByEmail: submitter.email,
        submittedByName: submitter.name,
        receivedAt,
      };
      await this.numbering.insertSubmitted(manager, row);
      if (idempotencyKey) await this.keys.recordSubject(manager, idempotencyKey, id);
      await this.audit.append(manager, {
        ...auditActorOf(submitter),
        action: 'requirement.submitted',
        subjectType: 'requirement',
        subjectId: id,
        contractId,
        summary: {
          after: { status: 'assessing' },
          payload: { title: row.title, system: row.system, priority: row.priority },
        },
        requestId,
        workflowId: id,
      });
      const input: CustomizationRequestInput = {
        requirementId: id,
        contractId,
        contractYear: year.yearNo,
        title: row.title,
        system: row.system,
        priority: row.priority,
        submittedBy: actorRefOf(submitter),
        receivedAt,
        settings: customizationRequestSettings(contract.settings),
        notify,
      };
      try {
        await startCustomizationRequest(client, this.temporal.taskQueue, input);
        return { id, description: row.description };
      } catch (error) {
        this.logger.warn(`starting the workflow of ${id} failed: ${(error as Error).message}`);
        throw unavailable();
      }
    });
    // Committed: the workflow's first write (it waited for this row) answers the Update.
    const state = await firstRequirementState(client, id);
    const now = new Date().toISOString();
    return this.reads.detail(actor, {
      stored: { id, contractId, description, state, createdAt: now, updatedAt: now },
      contract,
    });
  }

  private async temporalClient(): Promise<Awaited<ReturnType<TemporalClientService['client']>>> {
    try {
      return await this.temporal.client();
    } catch {
      throw unavailable();
    }
  }
}

function checkSystem(contract: ContractRecord, system: string): void {
  if (contract.settings.systems.includes(system)) return;
  const known = contract.settings.systems;
  throw validationFailed([
    known.length
      ? fieldProblem('system', 'field.unknown_system', { known })
      : fieldProblem('system', 'field.no_systems', {}),
  ]);
}

function unavailable(): DomainError {
  return new DomainError('dependency_unavailable', 'workflow.unreachable_nothing_recorded', {});
}
