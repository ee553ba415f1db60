import { Injectable } from '@nestjs/common';
import {
  accountStatus,
  auditActorOf,
  PARTY_LABELS,
  PAGE_TITLES,
  ADMIN_PAGE_TITLES,
  organizationCreatedFlash,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { OrganizationRepository } from '@luyue/persistence';
import { WorkingDaysService } from '../calendar/working-days.service';
import { ContractsService } from '../contracts/contracts.service';
import { CreateOrganizationDto } from '../identity/dto/organization.dto';
import { AccountsService } from '../identity/accounts.service';
import { ProvisioningService } from '../identity/provisioning.service';
import { ORGANIZATION_FIELDS, refusedFields } from './admin-fields';
import { FORM_ERROR } from './console-field';
import { ConsoleFrameService, type Crumb, type Frame } from './console-frame.service';
import { formFields, readForm } from './console-form';
import type { ConsoleOutcome } from './console-outcome';
import type { PageRequest } from './console-page';
import type { FormSending } from '../kit/console-action';

interface Failed {
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** Every administration page sits under the administration section in the nav and the crumbs. */
export function adminFrame(
  frames: ConsoleFrameService,
  page: PageRequest,
  title: string,
  crumbs: Crumb[] = [{ label: title }],
): Promise<Frame> {
  return frames.frameOf(page, {
    title,
    crumbs: [{ href: '/admin', label: PAGE_TITLES.admin }, ...crumbs],
    section: '/admin',
  });
}

/** The administration overview and the organizations, on the services behind the admin REST routes. */
@Injectable()
export class AdminConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly organizations: OrganizationRepository,
    private readonly accounts: AccountsService,
    private readonly provisioning: ProvisioningService,
    private readonly contracts: ContractsService,
    private readonly workingDays: WorkingDaysService,
  ) {}

  async overview(page: PageRequest): Promise<string> {
    const { actor } = page;
    const frame = await this.frames.frameOf(page, {
      title: PAGE_TITLES.admin,
      crumbs: [{ label: PAGE_TITLES.admin }],
      section: '/admin',
    });
    const [organizations, users, contracts, years] = await Promise.all([
      this.organizations.list(),
      this.accounts.list(),
      this.contracts.list(actor),
      this.workingDays.years(),
    ]);
    const disabled = users.filter((u) => accountStatus(u) === 'disabled').length;
    return this.renderer.render('pages/admin.html', {
      layout: frame.layout,
      counts: {
        organizations: organizations.length,
        users: users.length - disabled,
        disabled,
        contracts: contracts.length,
      },
      contracts: contracts.map((c) => ({
        ...c,
        settingsHref: `/admin/contracts/${c.id}/settings`,
      })),
      provisional: years.filter((y) => !y.official).map((y) => y.year),
    });
  }

  async organizationsPage(page: PageRequest, failed?: Failed): Promise<string> {
    const frame = await adminFrame(this.frames, page, ADMIN_PAGE_TITLES.organizations);
    const [organizations, users] = await Promise.all([
      this.organizations.list(),
      this.accounts.list(),
    ]);
    return this.renderer.render('pages/admin-organizations.html', {
      layout: frame.layout,
      items: organizations.map((o) => ({
        ...o,
        party: PARTY_LABELS[o.party],
        users: users.filter((u) => u.organization.id === o.id).length,
        usersHref: `/admin/users?organization=${o.id}`,
      })),
      fields: formFields(
        'org',
        ORGANIZATION_FIELDS,
        failed?.values,
        failed?.errors,
        CreateOrganizationDto,
      ),
      formError: failed?.errors[FORM_ERROR],
    });
  }

  async createOrganization({ page, body }: FormSending): Promise<ConsoleOutcome> {
    const { actor, requestId } = page;
    const form = await readForm(CreateOrganizationDto, ORGANIZATION_FIELDS, body);
    const again = async (failed: Failed): Promise<ConsoleOutcome> => ({
      kind: 'page',
      status: 400,
      html: await this.organizationsPage(page, failed),
    });
    if (!form.ok) return again(form);
    try {
      const org = await this.provisioning.createOrganization(
        auditActorOf(actor),
        form.payload.name,
        form.payload.party,
        requestId,
      );
      return {
        kind: 'redirect',
        location: '/admin/organizations',
        flash: organizationCreatedFlash(org.name, PARTY_LABELS[org.party]),
      };
    } catch (error) {
      const errors = refusedFields(error, ORGANIZATION_FIELDS, 'name');
      if (!errors) throw error;
      return again({ values: form.values, errors });
    }
  }
}
