import { Controller, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ConsolePage, Sent, type FormSending } from '../kit/console-action';
import { AdminForm } from './admin-console.controller';
import { AdminUsersConsoleService } from './admin-users-console.service';
import type { ConsoleOutcome } from './console-outcome';
import { Page, type PageRequest } from './console-page';
import { CsrfGuard } from './csrf.guard';

/** Administration › users: the list and create form, and each user's page with its forms (admins). */
@ApiExcludeController()
@Roles('admin')
@UseGuards(CsrfGuard)
@Controller('admin/users')
export class AdminUsersConsoleController {
  constructor(private readonly users: AdminUsersConsoleService) {}

  @ConsolePage()
  list(@Page() page: PageRequest): Promise<string> {
    return this.users.list(page);
  }

  @AdminForm()
  create(@Sent() sent: FormSending): Promise<ConsoleOutcome> {
    return this.users.create(sent);
  }

  @ConsolePage(':id')
  page(@Page() page: PageRequest, @Param('id') id: string): Promise<string> {
    return this.users.page(page, id);
  }

  @AdminForm(':id/roles')
  setRoles(@Sent() sent: FormSending, @Param('id') id: string): Promise<ConsoleOutcome> {
    return this.users.setRoles(sent, id);
  }

  @AdminForm(':id/password')
  resetPassword(@Sent() sent: FormSending, @Param('id') id: string): Promise<ConsoleOutcome> {
    return this.users.resetPassword(sent, id);
  }

  @AdminForm(':id/disable')
  disable(@Sent() sent: FormSending, @Param('id') id: string): Promise<ConsoleOutcome> {
    return this.users.setDisabled(sent, id, true);
  }

  @AdminForm(':id/enable')
  enable(@Sent() sent: FormSending, @Param('id') id: string): Promise<ConsoleOutcome> {
    return this.users.setDisabled(sent, id, false);
  }
}
