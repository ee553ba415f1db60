// The demo contract seeded on the first embedded start: three organizations, one user per
// role with a random password, printed once and kept in <dataDir>/demo-credentials.json.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditActor, Party, Role } from '@luyue/domain';
import { openProvisioning } from '../apps/api/src/identity/provisioning.factory';

export const DEMO_CONTRACT_NUMBER = 'DEMO-YW-2026-001';
export const DEMO_CREDENTIALS_FILE = 'demo-credentials.json';

export interface DemoCredential {
  email: string;
  password: string;
  role: Role;
  party: Party;
}

const SEED_ACTOR: AuditActor = {
  actorType: 'system',
  actorId: 'demo-seed',
  actorEmail: null,
  party: null,
};

const ORGANIZATIONS: Record<Party, string> = {
  hospital: '示例市第一人民医院',
  vendor: '示例医疗软件有限公司',
  supervisor: '示例工程监理咨询有限公司',
};

const PEOPLE: Array<{ role: Role; party: Party; email: string; name: string }> = [
  {
    role: 'hospital_staff',
    party: 'hospital',
    email: 'hospital.staff@demo.luyue.local',
    name: '张敏（信息科）',
  },
  {
    role: 'hospital_manager',
    party: 'hospital',
    email: 'hospital.manager@demo.luyue.local',
    name: '李强（信息科科长）',
  },
  {
    role: 'vendor_pm',
    party: 'vendor',
    email: 'vendor.pm@demo.luyue.local',
    name: '王磊（项目经理）',
  },
  {
    role: 'vendor_dev',
    party: 'vendor',
    email: 'vendor.dev@demo.luyue.local',
    name: '赵婷（开发）',
  },
  {
    role: 'supervisor',
    party: 'supervisor',
    email: 'supervisor@demo.luyue.local',
    name: '陈刚（监理工程师）',
  },
  { role: 'admin', party: 'hospital', email: 'admin@demo.luyue.local', name: '系统管理员' },
];

/**
 * Seeds the demo once: when the demo contract already exists it does nothing, so every later
 * start keeps the data (and the credentials file) of the first.
 */
export async function seedDemo(
  databaseUrl: string,
  dataDir: string,
  log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  const ctx = await openProvisioning(databaseUrl);
  try {
    if (await ctx.contracts.findByNumber(DEMO_CONTRACT_NUMBER)) {
      log(
        `[seed] demo contract ${DEMO_CONTRACT_NUMBER} exists; see ${join(dataDir, DEMO_CREDENTIALS_FILE)}`,
      );
      return;
    }
    const orgIds = {} as Record<Party, string>;
    for (const party of Object.keys(ORGANIZATIONS) as Party[]) {
      const existing = await ctx.organizations.findByName(ORGANIZATIONS[party]);
      orgIds[party] =
        existing?.id ??
        (await ctx.provisioning.createOrganization(SEED_ACTOR, ORGANIZATIONS[party], party)).id;
    }
    const credentials: DemoCredential[] = [];
    for (const person of PEOPLE) {
      const existing = await ctx.users.findByEmail(person.email);
      const { password } = existing
        ? await ctx.provisioning.resetPassword(SEED_ACTOR, person.email)
        : await ctx.provisioning.createUser(SEED_ACTOR, {
            email: person.email,
            name: person.name,
            organizationId: orgIds[person.party],
            roles: [person.role],
          });
      credentials.push({ email: person.email, password, role: person.role, party: person.party });
    }
    // The file is written before the contract, so a crash in between only repeats the seed.
    await mkdir(dataDir, { recursive: true });
    const file = join(dataDir, DEMO_CREDENTIALS_FILE);
    await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
    await ctx.provisioning.createContract(SEED_ACTOR, {
      number: DEMO_CONTRACT_NUMBER,
      name: '示例市第一人民医院信息系统运维服务合同（演示）',
      hospitalOrganizationId: orgIds.hospital,
      vendorOrganizationId: orgIds.vendor,
      supervisorOrganizationId: orgIds.supervisor,
      startDate: '2026-01-01',
      endDate: '2028-12-31',
      settings: { systems: ['HIS', 'EMR', 'LIS', 'PACS', '集成平台'] },
    });
    log(`[seed] demo contract ${DEMO_CONTRACT_NUMBER} created; demo users (also in ${file}):`);
    for (const c of credentials)
      log(`[seed]   ${c.role.padEnd(17)} ${c.email.padEnd(36)} ${c.password}`);
  } finally {
    await ctx.close();
  }
}
