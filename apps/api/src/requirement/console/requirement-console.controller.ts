import { Controller, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { ConsoleOutcome } from '../../console/console-outcome';
import { Page, type PageRequest } from '../../console/console-page';
import { CsrfGuard } from '../../console/csrf.guard';
import { AttachmentUploadInterceptor } from '../../files/attachment-upload.interceptor';
import { ConsoleForm, ConsolePage, Sent, type FormSending } from '../../kit/console-action';
import { RequirementPagesService } from '../requirement-pages.service';
import { RequirementConsoleService } from './requirement-console.service';

/** The request pages: list, submit form, the request with its action forms, the sheet. */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('requirements')
export class RequirementConsoleController {
  constructor(
    private readonly console: RequirementConsoleService,
    private readonly pages: RequirementPagesService,
  ) {}

  @ConsolePage()
  list(@Page() page: PageRequest): Promise<string> {
    return this.console.list(page);
  }

  @ConsolePage('new')
  newForm(@Page() page: PageRequest): Promise<string> {
    return this.console.newForm(page);
  }

  @ConsoleForm('new', { upload: AttachmentUploadInterceptor })
  submit(@Sent() sent: FormSending): Promise<ConsoleOutcome> {
    return this.console.submit(sent);
  }

  @ConsoleForm(':id/attachments', { upload: AttachmentUploadInterceptor })
  attach(@Sent() sent: FormSending, @Param('id') id: string): Promise<ConsoleOutcome> {
    return this.console.attach(sent, id);
  }

  @ConsolePage(':id')
  page(@Page() page: PageRequest, @Param('id') id: string): Promise<string> {
    return this.console.page(page, id);
  }

  @ConsolePage(':id/acceptance')
  acceptance(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<string> {
    return this.pages.acceptance(actor, id);
  }

  @ConsoleForm(':id/actions/:action')
  act(
    @Sent() sent: FormSending,
    @Param('id') id: string,
    @Param('action') action: string,
  ): Promise<ConsoleOutcome> {
    return this.console.act(sent, id, action);
  }
}
