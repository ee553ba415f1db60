import { Injectable } from '@nestjs/common';
import {
  contractYears,
  DEFAULT_CONTRACT_SETTINGS,
  mergeContractSettings,
  type ContractSettingsPatch,
  DomainError,
  validationFailed,
  roleProblems,
  type Role,
  type AuditActor,
  type Party,
} from '@luyue/domain';
import {
  AuditEventRepository,
  ContractRepository,
  type ContractRecord,
  OrganizationRepository,
  TransactionRunner,
  UserRepository,
  type UserRecord,
  UserSessionRepository,
  type OrganizationEntity,
} from '@luyue/persistence';
import { MIN_PASSWORD_LENGTH, PasswordHasherService } from './password-hasher.service';

export interface NewUserInput {
  email: string;
  name: string;
  phone?: string | null;
  organizationId: string;
  roles: string[];
  /** Generated (and returned once) when absent. */
  password?: string;
}

export interface NewContractInput {
  number: string;
  name: string;
  hospitalOrganizationId: string;
  vendorOrganizationId: string;
  supervisorOrganizationId: string;
  startDate: string;
  endDate: string;
  settings?: ContractSettingsPatch;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates organizations, users and contracts, each with its audit event in one transaction.
 * Shared by the admin routes, the CLI and the demo seed, so all three apply the same rules.
 */
@Injectable()
export class ProvisioningService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly organizations: OrganizationRepository,
    private readonly users: UserRepository,
    private readonly sessions: UserSessionRepository,
    private readonly contracts: ContractRepository,
    private readonly audit: AuditEventRepository,
    private readonly passwords: PasswordHasherService,
  ) {}

  async createOrganization(
    actor: AuditActor,
    name: string,
    party: Party,
    requestId: string | null = null,
  ): Promise<OrganizationEntity> {
    if (name.trim().length === 0) invalid('name', 'must not be empty');
    return this.tx.run(async (m) => {
      const org = await this.organizations.create(m, name, party);
      await this.audit.append(m, {
        ...actor,
        action: 'organization.created',
        subjectType: 'organization',
        subjectId: org.id,
        contractId: null,
        summary: { after: { name: org.name, party: org.party } },
        requestId,
      });
      return org;
    });
  }

  /** Returns the user and its password: the one given, or a generated one to show once. */
  async createUser(
    actor: AuditActor,
    input: NewUserInput,
    requestId: string | null = null,
  ): Promise<{ user: UserRecord; password: string }> {
    const email = input.email.trim();
    if (!EMAIL.test(email)) invalid('email', 'must be an email address');
    if (input.name.trim().length === 0) invalid('name', 'must not be empty');
    const org = await this.organizations.findById(input.organizationId);
    if (!org) invalid('organizationId', 'no such organization');
    const problems = roleProblems(org.party, input.roles);
    if (problems.length > 0) invalid('roles', problems.join('; '));
    const password = input.password ?? this.passwords.generate();
    checkPassword(password);
    const passwordHash = await this.passwords.hash(password);
    const roles = [...new Set(input.roles)] as Role[];
    const id = await this.tx.run(async (m) => {
      const userId = await this.users.create(m, {
        email,
        name: input.name,
        phone: input.phone?.trim() || null,
        organizationId: org.id,
        roles,
        passwordHash,
      });
      await this.audit.append(m, {
        ...actor,
        action: 'user.created',
        subjectType: 'user',
        subjectId: userId,
        contractId: null,
        summary: { after: { email, roles, organization: org.name, party: org.party } },
        requestId,
      });
      return userId;
    });
    const user = await this.users.findById(id);
    if (!user) throw new Error(`user ${id} vanished after insert`);
    return { user, password };
  }

  /** Sets a new password (given or generated) and ends every session of the user. */
  async resetPassword(
    actor: AuditActor,
    email: string,
    newPassword?: string,
    requestId: string | null = null,
  ): Promise<{ user: UserRecord; password: string }> {
    const user = await this.users.findByEmail(email);
    if (!user) throw new DomainError('not_found', 'user.email_not_found', { email });
    const password = newPassword ?? this.passwords.generate();
    checkPassword(password);
    const passwordHash = await this.passwords.hash(password);
    await this.tx.run(async (m) => {
      await this.users.setPasswordHash(m, user.id, passwordHash);
      const revoked = await this.sessions.revokeAllForUser(m, user.id);
      await this.audit.append(m, {
        ...actor,
        action: 'user.password_reset',
        subjectType: 'user',
        subjectId: user.id,
        contractId: null,
        summary: { sessionsRevoked: revoked },
        requestId,
      });
    });
    return { user, password };
  }

  async createContract(
    actor: AuditActor,
    input: NewContractInput,
    requestId: string | null = null,
  ): Promise<ContractRecord> {
    const years = rangeChecked(() => contractYears(input.startDate, input.endDate), 'endDate');
    const settings = rangeChecked(
      () => mergeContractSettings(DEFAULT_CONTRACT_SETTINGS, input.settings ?? {}),
      'settings',
    );
    const parties: Array<[Party, string, string]> = [
      ['hospital', 'hospitalOrganizationId', input.hospitalOrganizationId],
      ['vendor', 'vendorOrganizationId', input.vendorOrganizationId],
      ['supervisor', 'supervisorOrganizationId', input.supervisorOrganizationId],
    ];
    for (const [party, field, id] of parties) {
      const org = await this.organizations.findById(id);
      if (!org) invalid(field, 'no such organization');
      if (org.party !== party) invalid(field, `"${org.name}" is a ${org.party}, not a ${party}`);
    }
    const id = await this.tx.run(async (m) => {
      const contractId = await this.contracts.create(m, {
        number: input.number,
        name: input.name,
        hospitalOrganizationId: input.hospitalOrganizationId,
        vendorOrganizationId: input.vendorOrganizationId,
        supervisorOrganizationId: input.supervisorOrganizationId,
        startDate: input.startDate,
        endDate: input.endDate,
        settings,
        years,
      });
      await this.audit.append(m, {
        ...actor,
        action: 'contract.created',
        subjectType: 'contract',
        subjectId: contractId,
        contractId,
        summary: {
          after: {
            number: input.number.trim(),
            name: input.name.trim(),
            startDate: input.startDate,
            endDate: input.endDate,
            years: years.length,
          },
        },
        requestId,
      });
      return contractId;
    });
    const contract = await this.contracts.findById(id);
    if (!contract) throw new Error(`contract ${id} vanished after insert`);
    return contract;
  }
}

function invalid(field: string, message: string): never {
  throw validationFailed([{ field, message }]);
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    invalid('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

/** Domain rules throw RangeError; here they become a validation error naming the field. */
function rangeChecked<T>(fn: () => T, field: string): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RangeError) invalid(field, error.message);
    throw error;
  }
}
