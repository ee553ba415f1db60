import { Controller, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ConsoleOutcome } from '../../console/console-outcome';
import { Page, type PageRequest } from '../../console/console-page';
import { CsrfGuard } from '../../console/csrf.guard';
import { AttachmentUploadInterceptor } from '../../files/attachment-upload.interceptor';
import { FileUpload } from '../../files/upload.interceptors';
import { ConsoleForm, ConsolePage, Sent, type FormSending } from '../../kit/console-action';
import { SecurityConsoleService } from './security-console.service';
import { SecurityTasksConsoleService } from './security-tasks-console.service';

/** The security pages: notices and the issue form, a notice with its imports, tasks, a task. */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('security')
export class SecurityConsoleController {
  constructor(
    private readonly console: SecurityConsoleService,
    private readonly taskList: SecurityTasksConsoleService,
  ) {}

  @ConsolePage()
  list(@Page() page: PageRequest): Promise<string> {
    return this.console.list(page);
  }

  @ConsoleForm('notices')
  issue(@Sent() sent: FormSending): Promise<ConsoleOutcome> {
    return this.console.issue(sent);
  }

  @ConsolePage('notices/:id')
  notice(@Page() page: PageRequest, @Param('id') id: string): Promise<string> {
    return this.console.notice(page, id);
  }

  @ConsoleForm('notices/:id/reports', { upload: FileUpload('file') })
  upload(@Sent() sent: FormSending, @Param('id') id: string): Promise<ConsoleOutcome> {
    return this.console.upload(sent, id);
  }

  @ConsolePage('tasks')
  tasks(@Page() page: PageRequest): Promise<string> {
    return this.taskList.list(page);
  }

  @ConsolePage('tasks/:id')
  task(@Page() page: PageRequest, @Param('id') id: string): Promise<string> {
    return this.console.task(page, id);
  }

  @ConsoleForm('tasks/:id/actions/:action', { upload: AttachmentUploadInterceptor })
  act(
    @Sent() sent: FormSending,
    @Param('id') id: string,
    @Param('action') action: string,
  ): Promise<ConsoleOutcome> {
    return this.console.act(sent, id, action);
  }
}
