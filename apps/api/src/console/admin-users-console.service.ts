import type { ClassConstructor } from 'class-transformer';
import { FORM_ERROR } from './console-field';
import { Injectable } from '@nestjs/common';
import {
  ACCOUNT_STATUS_LABELS,
  accountStatus,
  auditActorOf,
  PARTY_LABELS,
  ROLE_LABELS,
  rolesForParty,
  ADMIN_PAGE_TITLES,
  USER_FLASHES,
  userCreatedFlash,
  rolesUpdatedFlash,
  userDisabledFlash,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { OrganizationRepository, type UserRecord } from '@luyue/persistence';
import { AccountsService } from '../identity/accounts.service';
import { CreateUserDto, ResetPasswordDto, SetRolesDto } from '../identity/dto/user.dto';
import { ProvisioningService } from '../identity/provisioning.service';
import { adminFrame } from './admin-console.service';
import {
  newUserFields,
  refusedFields,
  DISABLE_FIELDS,
  RESET_PASSWORD_FIELDS,
  roleFields,
} from './admin-fields';
import { ConsoleFrameService } from './console-frame.service';
import { formFields, readForm, unconfirmedOf } from './console-form';
import type { Field, FieldOption } from './console-field';
import type { ConsoleOutcome } from './console-outcome';
import type { PageRequest } from './console-page';
import type { FormSending } from '../kit/console-action';

interface Failed {
  form: 'roles' | 'password' | 'disable';
  values: Record<string, string>;
  errors: Record<string, string>;
}

const userHref = (id: string): string => `/admin/users/${id}`;

/** The users: list by organization, create, and per user roles, password, disable/enable. */
@Injectable()
export class AdminUsersConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly organizations: OrganizationRepository,
    private readonly accounts: AccountsService,
    private readonly provisioning: ProvisioningService,
  ) {}

  async list(page: PageRequest, failed?: Omit<Failed, 'form'>): Promise<string> {
    const frame = await adminFrame(this.frames, page, ADMIN_PAGE_TITLES.users);
    const { organization } = page.query;
    const asked = typeof organization === 'string' ? organization : '';
    const choices = await this.organizationChoices();
    const filter = choices.find((c) => c.value === asked)?.value;
    const users = await this.accounts.list(filter ? { organizationId: filter } : {});
    const values = failed?.values ?? (filter ? { organizationId: filter } : {});
    return this.renderer.render('pages/admin-users.html', {
      layout: frame.layout,
      organizations: choices.map((c) => ({ ...c, selected: c.value === filter })),
      items: users.map((u) => this.row(u)),
      fields: formFields('user', newUserFields(choices), values, failed?.errors, CreateUserDto),
      formError: failed?.errors[FORM_ERROR],
    });
  }

  async create({ page, body }: FormSending): Promise<ConsoleOutcome> {
    const { actor, requestId } = page;
    const fields = newUserFields(await this.organizationChoices());
    const form = await readForm(CreateUserDto, fields, body);
    const again = async (failed: Omit<Failed, 'form'>): Promise<ConsoleOutcome> => ({
      kind: 'page',
      status: 400,
      html: await this.list(page, failed),
    });
    if (!form.ok) return again(form);
    let created;
    try {
      created = await this.provisioning.createUser(auditActorOf(actor), form.payload, requestId);
    } catch (error) {
      const errors = refusedFields(error, fields, 'email');
      if (!errors) throw error;
      return again({ values: form.values, errors });
    }
    if (form.payload.password === undefined) {
      return this.passwordShown(page, created.user, created.password, USER_FLASHES.created);
    }
    return {
      kind: 'redirect',
      location: userHref(created.user.id),
      flash: userCreatedFlash(created.user.name, created.user.email),
    };
  }

  async page(page: PageRequest, id: string, failed?: Failed): Promise<string> {
    const user = await this.accounts.get(id);
    const frame = await adminFrame(this.frames, page, user.name, [
      { href: '/admin/users', label: ADMIN_PAGE_TITLES.users },
      { label: user.name },
    ]);
    const shown = (
      form: Failed['form'],
      fields: readonly Field[],
      dto?: ClassConstructor<object>,
      values = {},
    ) =>
      failed?.form === form
        ? formFields(form, fields, failed.values, failed.errors, dto)
        : formFields(form, fields, values, {}, dto);
    return this.renderer.render('pages/admin-user.html', {
      layout: frame.layout,
      user: this.row(user),
      self: user.id === page.actor.userId,
      disabled: accountStatus(user) === 'disabled',
      roleFields: shown('roles', this.roleFieldsOf(user), SetRolesDto, {
        roles: user.roles.join('\n'),
      }),
      rolesError: failed?.form === 'roles' ? failed.errors[FORM_ERROR] : undefined,
      passwordFields: shown('password', RESET_PASSWORD_FIELDS, ResetPasswordDto),
      disableFields: shown('disable', DISABLE_FIELDS),
      href: userHref(user.id),
    });
  }

  async setRoles({ page, body }: FormSending, id: string): Promise<ConsoleOutcome> {
    const { actor, requestId } = page;
    const fields = this.roleFieldsOf(await this.accounts.get(id));
    const form = await readForm(SetRolesDto, fields, body);
    if (!form.ok) return this.again(page, id, { form: 'roles', ...form });
    try {
      const user = await this.accounts.setRoles(actor, id, form.payload.roles, requestId);
      const labels = user.roles.map((r) => ROLE_LABELS[r]).join('、');
      return { kind: 'redirect', location: userHref(id), flash: rolesUpdatedFlash(labels) };
    } catch (error) {
      const errors = refusedFields(error, fields);
      if (!errors) throw error;
      return this.again(page, id, { form: 'roles', values: form.values, errors });
    }
  }

  async resetPassword({ page, body }: FormSending, id: string): Promise<ConsoleOutcome> {
    const { actor, requestId } = page;
    const form = await readForm(ResetPasswordDto, RESET_PASSWORD_FIELDS, body);
    if (!form.ok) return this.again(page, id, { form: 'password', ...form });
    const reset = await this.accounts.resetPassword(actor, id, form.payload.password, requestId);
    if (form.payload.password === undefined) {
      return this.passwordShown(page, reset.user, reset.password, USER_FLASHES.passwordReset);
    }
    return { kind: 'redirect', location: userHref(id), flash: USER_FLASHES.passwordResetLoggedOut };
  }

  async setDisabled(
    { page, body }: FormSending,
    id: string,
    disabled: boolean,
  ): Promise<ConsoleOutcome> {
    const { actor, requestId } = page;
    const errors = disabled ? unconfirmedOf(DISABLE_FIELDS, body) : {};
    if (Object.keys(errors).length > 0) {
      return this.again(page, id, { form: 'disable', values: {}, errors });
    }
    const user = disabled
      ? await this.accounts.disable(actor, id, requestId)
      : await this.accounts.enable(actor, id, requestId);
    const flash = userDisabledFlash(user.email, disabled);
    return { kind: 'redirect', location: userHref(id), flash };
  }

  /** A generated password, on this one answer only (the page is not stored). */
  private async passwordShown(
    page: PageRequest,
    user: UserRecord,
    password: string,
    heading: string,
  ): Promise<ConsoleOutcome> {
    const frame = await adminFrame(this.frames, page, heading, [
      { href: '/admin/users', label: ADMIN_PAGE_TITLES.users },
      { label: user.name },
    ]);
    const html = this.renderer.render('pages/admin-password.html', {
      layout: frame.layout,
      heading,
      user: this.row(user),
      password,
    });
    return { kind: 'page', status: 200, html };
  }

  private async again(page: PageRequest, id: string, failed: Failed): Promise<ConsoleOutcome> {
    return { kind: 'page', status: 400, html: await this.page(page, id, failed) };
  }

  private roleFieldsOf(user: UserRecord): Field[] {
    return roleFields(rolesForParty(user.organization.party));
  }

  private async organizationChoices(): Promise<FieldOption[]> {
    return (await this.organizations.list()).map((o) => ({
      value: o.id,
      label: `${o.name}（${PARTY_LABELS[o.party]}）`,
    }));
  }

  private row(u: UserRecord) {
    return {
      ...u,
      organization: `${u.organization.name}（${PARTY_LABELS[u.organization.party]}）`,
      roles: u.roles.map((r) => ROLE_LABELS[r]).join('、'),
      status: ACCOUNT_STATUS_LABELS[accountStatus(u)],
      href: userHref(u.id),
    };
  }
}
