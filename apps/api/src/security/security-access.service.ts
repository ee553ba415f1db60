import { Injectable } from '@nestjs/common';
import { DomainError, hasAnyRole, type Actor } from '@luyue/domain';
import { NOTICE_ISSUER_ROLES } from '@luyue/security/definitions';
import {
  SecurityNoticeRepository,
  type SecurityNoticeRecord,
  type SecurityReportRecord,
  SecurityTaskQueryRepository,
  type SecurityTaskRecord,
} from '@luyue/security';
import { type ContractRecord } from '@luyue/persistence';
import { ContractAccessService, type SubjectKind } from '../contracts/contract-access.service';
import { actorInContract } from '../kit/access.decision';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A security item by its id (a uuid), with the 404 a stranger gets as for a missing one. */
function securitySubjects<S extends { contractId: string }>(
  what: string,
  find: (id: string) => Promise<S | null>,
): SubjectKind<S> {
  return {
    find: async (id) => (UUID.test(id) ? find(id) : null),
    notFound: (id) => new DomainError('not_found', 'security.not_found', { what, id }),
  };
}

/**
 * Every route about a notice, an import or a task goes through here: the item's contract decides
 * who may see it, and an outsider gets the same 404 as for an id that does not exist.
 */
@Injectable()
export class SecurityAccessService {
  readonly notices: SubjectKind<SecurityNoticeRecord>;
  readonly imports: SubjectKind<SecurityReportRecord>;
  readonly tasks: SubjectKind<SecurityTaskRecord>;

  constructor(
    private readonly contracts: ContractAccessService,
    notices: SecurityNoticeRepository,
    tasks: SecurityTaskQueryRepository,
  ) {
    this.notices = securitySubjects('notice', (id) => notices.find(id));
    this.imports = securitySubjects('import', (id) => notices.findReport(id));
    this.tasks = securitySubjects('task', (id) => tasks.find(id));
  }

  async requireNotice(
    actor: Actor,
    id: string,
  ): Promise<{ notice: SecurityNoticeRecord; contract: ContractRecord }> {
    const { subject, contract } = await this.contracts.requireSubject(actor, this.notices, id);
    return { notice: subject, contract };
  }

  async requireImport(
    actor: Actor,
    id: string,
  ): Promise<{ report: SecurityReportRecord; contract: ContractRecord }> {
    const { subject, contract } = await this.contracts.requireSubject(actor, this.imports, id);
    return { report: subject, contract };
  }

  async requireTask(
    actor: Actor,
    id: string,
  ): Promise<{ task: SecurityTaskRecord; contract: ContractRecord }> {
    const { subject, contract } = await this.contracts.requireSubject(actor, this.tasks, id);
    return { task: subject, contract };
  }

  /** The hospital's manager of this very contract (not of another one, not an onlooking admin). */
  requireIssuer(actor: Actor, contract: ContractRecord): Actor {
    const acting = actorInContract(actor, contract);
    if (!hasAnyRole(acting, NOTICE_ISSUER_ROLES)) {
      throw new DomainError('forbidden', 'security.manager_only', {});
    }
    return acting;
  }
}
