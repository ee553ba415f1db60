import { Controller, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '../../auth/roles.decorator';
import type { ConsoleOutcome } from '../../console/console-outcome';
import { Page, type PageRequest } from '../../console/console-page';
import { CsrfGuard } from '../../console/csrf.guard';
import { AttachmentUploadInterceptor } from '../../files/attachment-upload.interceptor';
import { ConsoleForm, ConsolePage, Sent, type FormSending } from '../../kit/console-action';
import { FaultConsoleService } from './fault-console.service';
import { FaultTicketConsoleService } from './fault-ticket-console.service';
import { SlaPolicyConsoleService } from './sla-policy-console.service';

/**
 * The fault-ticket pages: the contract's list, the report form, the SLA policy form, a ticket
 * with its step forms.
 */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('fault-tickets')
export class FaultConsoleController {
  constructor(
    private readonly console: FaultConsoleService,
    private readonly tickets: FaultTicketConsoleService,
    private readonly policy: SlaPolicyConsoleService,
  ) {}

  @ConsolePage()
  list(@Page() page: PageRequest): Promise<string> {
    return this.console.list(page);
  }

  @ConsolePage('new')
  newForm(@Page() page: PageRequest): Promise<string> {
    return this.console.newForm(page);
  }

  @ConsoleForm('new')
  report(@Sent() sent: FormSending): Promise<ConsoleOutcome> {
    return this.console.report(sent);
  }

  // Before `:id`, which would take the word for a ticket id. The roles are the REST PUT's.
  @ConsolePage('sla-policy')
  @Roles('admin', 'hospital_manager')
  policyPage(@Page() page: PageRequest): Promise<string> {
    return this.policy.page(page);
  }

  @ConsoleForm('sla-policy')
  @Roles('admin', 'hospital_manager')
  savePolicy(@Sent() sent: FormSending): Promise<ConsoleOutcome> {
    return this.policy.save(sent);
  }

  @ConsolePage(':id')
  ticket(@Page() page: PageRequest, @Param('id') id: string): Promise<string> {
    return this.tickets.page(page, id);
  }

  // Every step form is multipart: the report's carries its file, the others none.
  @ConsoleForm(':id/actions/:action', { upload: AttachmentUploadInterceptor })
  act(
    @Sent() sent: FormSending,
    @Param('id') id: string,
    @Param('action') action: string,
  ): Promise<ConsoleOutcome> {
    return this.tickets.act(sent, id, action);
  }
}
