// `npm run cli -- <command> [options]`: set up organizations, users and contracts on the
// database at DATABASE_URL (migrations run first), e.g. for a real deployment.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { BackupError } from '@luyue/devstack';
import { DomainError, isParty, type AuditActor } from '@luyue/domain';
import {
  openProvisioning,
  type ProvisioningContext,
} from '../apps/api/src/identity/provisioning.factory';
import {
  DATA_FOLDER_COMMANDS,
  DATA_FOLDER_USAGE,
  runDataFolderCommand,
} from './data-folder.commands';
import { promptNewPassword } from './password-prompt';

const USAGE = `usage: npm run cli -- <command> [options]

On the database at DATABASE_URL:

  create-org      --name <name> --party hospital|vendor|supervisor
  create-user     --email <email> --name <name> --org <organization name or id>
                  --roles <role,role> [--phone <phone>] [--prompt]
  create-contract --number <no> --name <name> --hospital <org> --vendor <org>
                  --supervisor <org> --start YYYY-MM-DD --end YYYY-MM-DD [--systems HIS,EMR]
  reset-password  --email <email> [--prompt]
  list-orgs

On the embedded stack's data folder (DATA_DIR, default .data; the stack stopped):
${DATA_FOLDER_USAGE}

Passwords are generated and printed once, unless --prompt asks for one (terminal only).
Roles: hospital_staff, hospital_manager, vendor_pm, vendor_dev, supervisor, admin.`;

type Options = Record<string, string | boolean | undefined>;

function required(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`--${name} is required`);
  return value.trim();
}

function optional(options: Options, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

class UsageError extends Error {}

async function password(options: Options): Promise<string | undefined> {
  if (!options.prompt) return undefined;
  if (!process.stdin.isTTY) throw new UsageError('--prompt needs a terminal');
  return promptNewPassword();
}

async function orgId(ctx: ProvisioningContext, ref: string): Promise<string> {
  const byName = await ctx.organizations.findByName(ref);
  if (byName) return byName.id;
  if (/^[0-9a-f-]{36}$/i.test(ref) && (await ctx.organizations.findById(ref))) return ref;
  throw new UsageError(`no organization named or numbered "${ref}" (see list-orgs)`);
}

async function run(command: string, options: Options, ctx: ProvisioningContext): Promise<void> {
  const actor: AuditActor = {
    actorType: 'operator',
    actorId: `cli:${userInfo().username}`,
    actorEmail: null,
    party: null,
  };
  switch (command) {
    case 'create-org': {
      const party = required(options, 'party');
      if (!isParty(party)) throw new UsageError('--party must be hospital, vendor or supervisor');
      const org = await ctx.provisioning.createOrganization(
        actor,
        required(options, 'name'),
        party,
      );
      console.log(`created ${org.party} organization "${org.name}" ${org.id}`);
      return;
    }
    case 'create-user': {
      const given = await password(options);
      const { user, password: pw } = await ctx.provisioning.createUser(actor, {
        email: required(options, 'email'),
        name: required(options, 'name'),
        phone: optional(options, 'phone') ?? null,
        organizationId: await orgId(ctx, required(options, 'org')),
        roles: list(required(options, 'roles')),
        password: given,
      });
      console.log(
        `created user ${user.email} (${user.roles.join(', ')}) in "${user.organization.name}" ${user.id}`,
      );
      if (!given) console.log(`password (shown once): ${pw}`);
      return;
    }
    case 'create-contract': {
      const contract = await ctx.provisioning.createContract(actor, {
        number: required(options, 'number'),
        name: required(options, 'name'),
        hospitalOrganizationId: await orgId(ctx, required(options, 'hospital')),
        vendorOrganizationId: await orgId(ctx, required(options, 'vendor')),
        supervisorOrganizationId: await orgId(ctx, required(options, 'supervisor')),
        startDate: required(options, 'start'),
        endDate: required(options, 'end'),
        settings: options.systems ? { systems: list(optional(options, 'systems')) } : undefined,
      });
      console.log(
        `created contract ${contract.number} ${contract.id} with ${contract.years.length} contract year(s)`,
      );
      return;
    }
    case 'reset-password': {
      const given = await password(options);
      const { user, password: pw } = await ctx.provisioning.resetPassword(
        actor,
        required(options, 'email'),
        given,
      );
      console.log(`password of ${user.email} reset; its sessions were ended`);
      if (!given) console.log(`password (shown once): ${pw}`);
      return;
    }
    case 'list-orgs': {
      for (const org of await ctx.organizations.list()) {
        console.log(`${org.id}  ${org.party.padEnd(10)}  ${org.name}`);
      }
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      party: { type: 'string' },
      email: { type: 'string' },
      org: { type: 'string' },
      roles: { type: 'string' },
      phone: { type: 'string' },
      number: { type: 'string' },
      hospital: { type: 'string' },
      vendor: { type: 'string' },
      supervisor: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      systems: { type: 'string' },
      prompt: { type: 'boolean' },
      data: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command] = positionals;
  if (!command || values.help || command === 'help') {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (DATA_FOLDER_COMMANDS.has(command)) {
    await runDataFolderCommand(command, values);
    return 0;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new UsageError('DATABASE_URL is required');
  const ctx = await openProvisioning(url);
  try {
    await run(command, values, ctx);
    return 0;
  } finally {
    await ctx.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`cli: ${(error as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    const known = error instanceof DomainError || error instanceof BackupError;
    console.error(`cli: ${known ? error.message : String(error)}`);
    process.exit(1);
  },
);
