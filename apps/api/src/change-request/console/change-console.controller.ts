import { Controller, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { ConsoleOutcome } from '../../console/console-outcome';
import { Page, type PageRequest } from '../../console/console-page';
import { CsrfGuard } from '../../console/csrf.guard';
import { FilesUpload } from '../../files/upload.interceptors';
import { ConsoleForm, ConsolePage, Sent, type FormSending } from '../../kit/console-action';
import { ChangeConsoleService } from './change-console.service';

/** The change-request pages: list, propose form, the change with its forms, the change confirmation. */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('change-requests')
export class ChangeConsoleController {
  constructor(private readonly console: ChangeConsoleService) {}

  @ConsolePage()
  list(@Page() page: PageRequest): Promise<string> {
    return this.console.list(page);
  }

  @ConsolePage('new')
  newForm(@Page() page: PageRequest): Promise<string> {
    return this.console.newForm(page);
  }

  @ConsoleForm('new', { upload: FilesUpload('attachments', 10) })
  propose(@Sent() sent: FormSending): Promise<ConsoleOutcome> {
    return this.console.propose(sent);
  }

  @ConsolePage(':id')
  page(@Page() page: PageRequest, @Param('id') id: string): Promise<string> {
    return this.console.page(page, id);
  }

  @ConsolePage(':id/confirmation')
  confirmation(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<string> {
    return this.console.confirmation(actor, id);
  }

  @ConsoleForm(':id/actions/:action', { upload: FilesUpload('files', 10) })
  act(
    @Sent() sent: FormSending,
    @Param('id') id: string,
    @Param('action') action: string,
  ): Promise<ConsoleOutcome> {
    return this.console.act(sent, id, action);
  }
}
