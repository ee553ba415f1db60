import { Controller, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ConsolePage } from '../kit/console-action';
import { AuditConsoleService } from './audit-console.service';
import { Page, type PageRequest } from './console-page';
import { CsrfGuard } from './csrf.guard';

/** Audit trail of the current contract. */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('audit')
export class AuditConsoleController {
  constructor(private readonly audit: AuditConsoleService) {}

  @ConsolePage()
  page(@Page() page: PageRequest): Promise<string> {
    return this.audit.page(page);
  }
}
