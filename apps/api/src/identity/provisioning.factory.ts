import { DataSource } from 'typeorm';
import {
  AuditEventRepository,
  ContractRepository,
  dataSourceOptions,
  runMigrations,
  OrganizationRepository,
  TransactionRunner,
  UserRepository,
  UserSessionRepository,
} from '@luyue/persistence';
import { PasswordHasherService } from './password-hasher.service';
import { ProvisioningService } from './provisioning.service';

export interface ProvisioningContext {
  provisioning: ProvisioningService;
  organizations: OrganizationRepository;
  users: UserRepository;
  contracts: ContractRepository;
  close(): Promise<void>;
}

/**
 * The provisioning service on a plain DataSource, without the api's Nest app, for the CLI and
 * the demo seed. Migrations run first, so a fresh database can be set up in one command.
 */
export async function openProvisioning(databaseUrl: string): Promise<ProvisioningContext> {
  await runMigrations(databaseUrl);
  const ds = new DataSource({ ...dataSourceOptions(databaseUrl), extra: { max: 2 } });
  await ds.initialize();
  const organizations = new OrganizationRepository(ds);
  const users = new UserRepository(ds);
  const contracts = new ContractRepository(ds);
  const provisioning = new ProvisioningService(
    new TransactionRunner(ds),
    organizations,
    users,
    new UserSessionRepository(ds),
    contracts,
    new AuditEventRepository(ds),
    new PasswordHasherService(),
  );
  return { provisioning, organizations, users, contracts, close: () => ds.destroy() };
}
