import { Controller, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ConsoleForm, ConsolePage, Sent, type FormSending } from '../kit/console-action';
import { AdminConsoleService } from './admin-console.service';
import { AdminSettingsConsoleService } from './admin-settings-console.service';
import type { ConsoleOutcome } from './console-outcome';
import { Page, type PageRequest } from './console-page';
import { CsrfGuard } from './csrf.guard';

/**
 * A form's answer: the page again (with its errors, or a password shown once, so never
 * stored), or a redirect to the page that shows the change.
 */
export const AdminForm = (path?: string): MethodDecorator => ConsoleForm(path, { noStore: true });

/** Administration: overview, organizations, a contract's settings, the holiday schedules (admins). */
@ApiExcludeController()
@Roles('admin')
@UseGuards(CsrfGuard)
@Controller('admin')
export class AdminConsoleController {
  constructor(
    private readonly admin: AdminConsoleService,
    private readonly settings: AdminSettingsConsoleService,
  ) {}

  @ConsolePage()
  overview(@Page() page: PageRequest): Promise<string> {
    return this.admin.overview(page);
  }

  @ConsolePage('organizations')
  organizations(@Page() page: PageRequest): Promise<string> {
    return this.admin.organizationsPage(page);
  }

  @AdminForm('organizations')
  createOrganization(@Sent() sent: FormSending): Promise<ConsoleOutcome> {
    return this.admin.createOrganization(sent);
  }

  @ConsolePage('contracts/:id/settings')
  contractSettings(@Page() page: PageRequest, @Param('id') id: string): Promise<string> {
    return this.settings.settingsPage(page, id);
  }

  @AdminForm('contracts/:id/settings')
  saveContractSettings(
    @Sent() sent: FormSending,
    @Param('id') id: string,
  ): Promise<ConsoleOutcome> {
    return this.settings.saveSettings(sent, id);
  }

  @ConsolePage('calendar')
  calendar(@Page() page: PageRequest): Promise<string> {
    return this.settings.calendarPage(page);
  }

  @AdminForm('calendar')
  loadYear(@Sent() sent: FormSending): Promise<ConsoleOutcome> {
    return this.settings.loadYear(sent);
  }
}
