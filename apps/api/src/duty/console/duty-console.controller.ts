import { Controller, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ConsoleOutcome } from '../../console/console-outcome';
import { Page, type PageRequest } from '../../console/console-page';
import { CsrfGuard } from '../../console/csrf.guard';
import { NamedFilesUploadInterceptor } from '../../files/attachment-upload.interceptor';
import { ConsoleForm, ConsolePage, Sent, type FormSending } from '../../kit/console-action';
import { DutyConsoleService } from './duty-console.service';
import { DutyOccurrenceConsoleService } from './duty-occurrence-console.service';

/** The duty pages: the list, the plans with their form, the figures, an occurrence and its report. */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('duties')
export class DutyConsoleController {
  constructor(
    private readonly console: DutyConsoleService,
    private readonly occurrences: DutyOccurrenceConsoleService,
  ) {}

  @ConsolePage()
  list(@Page() page: PageRequest): Promise<string> {
    return this.console.list(page);
  }

  @ConsolePage('plans')
  plans(@Page() page: PageRequest): Promise<string> {
    return this.console.plansPage(page);
  }

  @ConsoleForm('plans')
  createPlan(@Sent() sent: FormSending): Promise<ConsoleOutcome> {
    return this.console.createPlan(sent);
  }

  @ConsolePage('figures')
  figures(@Page() page: PageRequest): Promise<string> {
    return this.console.figures(page);
  }

  @ConsolePage('month')
  month(@Page() page: PageRequest): Promise<string> {
    return this.console.month(page);
  }

  @ConsolePage(':id')
  occurrence(@Page() page: PageRequest, @Param('id') id: string): Promise<string> {
    return this.occurrences.page(page, id);
  }

  @ConsolePage(':id/report')
  report(@Page() page: PageRequest, @Param('id') id: string): Promise<string> {
    return this.occurrences.report(page, id);
  }

  // The record form is multipart (report files, and each item's own); the others carry no file.
  @ConsoleForm(':id/actions/:action', { upload: NamedFilesUploadInterceptor })
  act(
    @Sent() sent: FormSending,
    @Param('id') id: string,
    @Param('action') action: string,
  ): Promise<ConsoleOutcome> {
    return this.occurrences.act(sent, id, action);
  }

  @ConsoleForm(':id/items/:key/requirement')
  openRequirement(
    @Sent() sent: FormSending,
    @Param('id') id: string,
    @Param('key') key: string,
  ): Promise<ConsoleOutcome> {
    return this.occurrences.openRequirement(sent, id, key);
  }

  @ConsoleForm(':id/items/:key/fault-ticket')
  openFault(
    @Sent() sent: FormSending,
    @Param('id') id: string,
    @Param('key') key: string,
  ): Promise<ConsoleOutcome> {
    return this.occurrences.openFault(sent, id, key);
  }
}
