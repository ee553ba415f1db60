import { Controller, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Page, type PageRequest } from '../../console/console-page';
import { CsrfGuard } from '../../console/csrf.guard';
import { Roles } from '../../auth/roles.decorator';
import type { ConsoleOutcome } from '../../console/console-outcome';
import { ConsoleForm, ConsolePage, Sent, type FormSending } from '../../kit/console-action';
import { AssessmentConsoleService } from './assessment-console.service';

/** The scorecard page of a contract year, and the template's form. */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('assessment')
export class AssessmentConsoleController {
  constructor(private readonly console: AssessmentConsoleService) {}

  @ConsolePage()
  scorecard(@Page() page: PageRequest): Promise<string> {
    return this.console.scorecard(page);
  }

  // The roles are the REST PUT's.
  @ConsolePage('template')
  @Roles('admin', 'hospital_manager')
  templatePage(@Page() page: PageRequest): Promise<string> {
    return this.console.templatePage(page);
  }

  @ConsoleForm('template')
  @Roles('admin', 'hospital_manager')
  saveTemplate(@Sent() sent: FormSending): Promise<ConsoleOutcome> {
    return this.console.saveTemplate(sent);
  }
}
