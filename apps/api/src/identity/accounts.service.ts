import { Injectable } from '@nestjs/common';
import {
  auditActorOf,
  DomainError,
  validationFailed,
  roleProblems,
  type Role,
  selfLockoutProblem,
  type Actor,
} from '@luyue/domain';
import {
  AuditEventRepository,
  TransactionRunner,
  UserRepository,
  type UserRecord,
  UserSessionRepository,
} from '@luyue/persistence';
import { ProvisioningService } from './provisioning.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What an admin does to existing accounts: list, disable and re-enable, set roles, reset the
 * password. Each change and its audit event are one transaction; the REST routes and the
 * console pages both come here.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly sessions: UserSessionRepository,
    private readonly audit: AuditEventRepository,
    private readonly provisioning: ProvisioningService,
  ) {}

  list(filter: { organizationId?: string } = {}): Promise<UserRecord[]> {
    if (filter.organizationId !== undefined && !UUID.test(filter.organizationId)) {
      return Promise.resolve([]);
    }
    return this.users.list(filter);
  }

  async get(id: string): Promise<UserRecord> {
    const user = UUID.test(id) ? await this.users.findById(id) : null;
    if (!user) throw notFound();
    return user;
  }

  /** Refuses logins and ends every session at once; disabling a disabled user changes nothing. */
  async disable(actor: Actor, id: string, requestId: string | null): Promise<UserRecord> {
    const self = selfLockoutProblem(actor.userId, id, { kind: 'disable' });
    if (self) throw new DomainError('invalid_state', 'account.cannot_disable_self', {});
    return this.setDisabled(actor, id, true, requestId);
  }

  async enable(actor: Actor, id: string, requestId: string | null): Promise<UserRecord> {
    return this.setDisabled(actor, id, false, requestId);
  }

  /** The roles must fit the party of the user's organization; they apply from the next request. */
  async setRoles(
    actor: Actor,
    id: string,
    roles: readonly string[],
    requestId: string | null,
  ): Promise<UserRecord> {
    await this.get(id);
    const self = selfLockoutProblem(actor.userId, id, { kind: 'set_roles', roles });
    if (self) throw validationFailed([self]);
    await this.tx.run(async (m) => {
      const user = await this.users.lockById(m, id);
      if (!user) throw notFound();
      const problems = roleProblems(user.organization.party, roles);
      if (problems.length > 0)
        throw validationFailed([{ field: 'roles', message: problems.join('; ') }]);
      const after = [...new Set(roles)] as Role[];
      if (sameRoles(user.roles, after)) return;
      await this.users.setRoles(m, id, after);
      await this.audit.append(m, {
        ...auditActorOf(actor),
        action: 'user.roles_changed',
        subjectType: 'user',
        subjectId: id,
        contractId: null,
        summary: { before: { roles: user.roles }, after: { roles: after } },
        requestId,
      });
    });
    return this.get(id);
  }

  /** The given password, or a generated one to show once; every session of the user ends. */
  async resetPassword(
    actor: Actor,
    id: string,
    password: string | undefined,
    requestId: string | null,
  ): Promise<{ user: UserRecord; password: string }> {
    const user = await this.get(id);
    return this.provisioning.resetPassword(auditActorOf(actor), user.email, password, requestId);
  }

  private async setDisabled(
    actor: Actor,
    id: string,
    disabled: boolean,
    requestId: string | null,
  ): Promise<UserRecord> {
    await this.get(id);
    await this.tx.run(async (m) => {
      if (!(await this.users.setDisabled(m, id, disabled))) return;
      // A disabled user's sessions are refused anyway; revoking them keeps re-enabling from
      // bringing an old session back.
      const sessionsRevoked = disabled ? await this.sessions.revokeAllForUser(m, id) : 0;
      await this.audit.append(m, {
        ...auditActorOf(actor),
        action: disabled ? 'user.disabled' : 'user.enabled',
        subjectType: 'user',
        subjectId: id,
        contractId: null,
        summary: disabled ? { sessionsRevoked } : {},
        requestId,
      });
    });
    return this.get(id);
  }
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

function notFound(): DomainError {
  return new DomainError('not_found', 'user.not_found', {});
}
