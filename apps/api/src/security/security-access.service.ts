import { Injectable } from '@nestjs/common';
import { DomainError, hasAnyRole, NOTICE_ISSUER_ROLES, type Actor } from '@luyue/domain';
import {
  SecurityNoticeRepository,
  SecurityTaskQueryRepository,
  type ContractRecord,
  type SecurityNoticeRecord,
  type SecurityReportRecord,
  type SecurityTaskRecord,
} from '@luyue/persistence';
import { ContractAccessService } from '../contracts/contract-access.service';
import { actorInContract } from '../requirements/requirement-access.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every route about a notice, an import or a task goes through here: the item's contract decides
 * who may see it, and an outsider gets the same 404 as for an id that does not exist.
 */
@Injectable()
export class SecurityAccessService {
  constructor(
    private readonly contracts: ContractAccessService,
    private readonly notices: SecurityNoticeRepository,
    private readonly tasks: SecurityTaskQueryRepository,
  ) {}

  async requireNotice(
    actor: Actor,
    id: string,
  ): Promise<{ notice: SecurityNoticeRecord; contract: ContractRecord }> {
    const notice = UUID.test(id) ? await this.notices.find(id) : null;
    if (!notice) throw notFound('notice', id);
    return { notice, contract: await this.visible(actor, notice.contractId, 'notice', id) };
  }

  async requireImport(
    actor: Actor,
    id: string,
  ): Promise<{ report: SecurityReportRecord; contract: ContractRecord }> {
    const report = UUID.test(id) ? await this.notices.findReport(id) : null;
    if (!report) throw notFound('import', id);
    return { report, contract: await this.visible(actor, report.contractId, 'import', id) };
  }

  async requireTask(
    actor: Actor,
    id: string,
  ): Promise<{ task: SecurityTaskRecord; contract: ContractRecord }> {
    const task = UUID.test(id) ? await this.tasks.find(id) : null;
    if (!task) throw notFound('task', id);
    return { task, contract: await this.visible(actor, task.contractId, 'task', id) };
  }

  /** The hospital's manager of this very contract (not of another one, not an onlooking admin). */
  requireIssuer(actor: Actor, contract: ContractRecord): Actor {
    const acting = actorInContract(actor, contract);
    if (!hasAnyRole(acting, NOTICE_ISSUER_ROLES)) {
      throw new DomainError('forbidden', 'security.manager_only', {});
    }
    return acting;
  }

  private async visible(
    actor: Actor,
    contractId: string,
    what: string,
    id: string,
  ): Promise<ContractRecord> {
    try {
      return await this.contracts.requireParty(actor, contractId);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') throw notFound(what, id);
      throw error;
    }
  }
}

function notFound(what: string, id: string): DomainError {
  return new DomainError('not_found', 'security.not_found', { what, id });
}
