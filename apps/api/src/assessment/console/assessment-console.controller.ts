import { Controller, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Page, type PageRequest } from '../../console/console-page';
import { CsrfGuard } from '../../console/csrf.guard';
import { ConsolePage } from '../../kit/console-action';
import { AssessmentConsoleService } from './assessment-console.service';

/** The scorecard page of a contract year. */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('assessment')
export class AssessmentConsoleController {
  constructor(private readonly console: AssessmentConsoleService) {}

  @ConsolePage()
  scorecard(@Page() page: PageRequest): Promise<string> {
    return this.console.scorecard(page);
  }
}
