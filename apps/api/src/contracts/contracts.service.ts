import { Injectable } from '@nestjs/common';
import {
  actorPartyIn,
  isAdmin,
  type Actor,
  auditActorOf,
  DomainError,
  validationFailed,
  fieldProblem,
  shanghaiDateAt,
  addCalendarDays,
  mergeContractSettings,
  type ContractSettingsPatch,
} from '@luyue/domain';
import { AuditEventRepository, ContractRepository, TransactionRunner } from '@luyue/persistence';
import { ProvisioningService } from '../identity/provisioning.service';
import { ContractAccessService } from './contract-access.service';
import type { AuditPageDto, AuditQueryDto } from './dto/audit.dto';
import { toContractDto, type ContractDto } from './dto/contract.dto';
import type { CreateContractDto } from './dto/create-contract.dto';

@Injectable()
export class ContractsService {
  constructor(
    private readonly access: ContractAccessService,
    private readonly contracts: ContractRepository,
    private readonly provisioning: ProvisioningService,
    private readonly audit: AuditEventRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async create(
    actor: Actor,
    body: CreateContractDto,
    requestId: string | null,
  ): Promise<ContractDto> {
    const contract = await this.provisioning.createContract(auditActorOf(actor), body, requestId);
    return toContractDto(contract, actorPartyIn(actor, contract));
  }

  /** Admins see every contract; everyone else those their organization is party to. */
  async list(actor: Actor): Promise<ContractDto[]> {
    const all = isAdmin(actor);
    if (!all && !actor.organizationId) return [];
    const found = await this.contracts.list(all ? {} : { organizationId: actor.organizationId! });
    return found.map((c) => toContractDto(c, actorPartyIn(actor, c)));
  }

  async get(actor: Actor, id: string): Promise<ContractDto> {
    const contract = await this.access.requireParty(actor, id);
    return toContractDto(contract, actorPartyIn(actor, contract));
  }

  /** Read-modify-write under a row lock, audited with the settings before and after. */
  async updateSettings(
    actor: Actor,
    id: string,
    patch: ContractSettingsPatch,
    requestId: string | null,
  ): Promise<ContractDto> {
    await this.access.requireParty(actor, id);
    await this.tx.run(async (m) => {
      const before = await this.contracts.lockSettings(m, id);
      if (!before) throw new DomainError('not_found', 'contract.not_found', {});
      let after;
      try {
        after = mergeContractSettings(before, patch);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        throw validationFailed([{ field: 'settings', message: error.message }]);
      }
      await this.contracts.updateSettings(m, id, after);
      await this.audit.append(m, {
        ...auditActorOf(actor),
        action: 'contract.settings_updated',
        subjectType: 'contract',
        subjectId: id,
        contractId: id,
        summary: { before, after },
        requestId,
      });
    });
    return this.get(actor, id);
  }

  async auditTrail(actor: Actor, id: string, query: AuditQueryDto): Promise<AuditPageDto> {
    await this.access.requireParty(actor, id);
    if (query.from && query.to && query.from > query.to) {
      throw validationFailed([fieldProblem('to', 'field.before_from', {})]);
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const [subjectType, ...rest] = query.subject ? query.subject.split(':') : [];
    const found = await this.audit.page({
      contractId: id,
      subjectType,
      subjectId: rest.length > 0 ? rest.join(':') : undefined,
      actorEmail: query.actor,
      from: query.from && shanghaiDateAt(query.from, 0),
      // Up to the end of the `to` day: before the next day's midnight.
      until: query.to && shanghaiDateAt(addCalendarDays(query.to, 1), 0),
      page,
      pageSize,
    });
    return { items: found.items, total: found.total, page, pageSize };
  }
}
