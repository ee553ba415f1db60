import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { xlsxDownload } from '../common/xlsx-download';
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

  /** The filtered trail as a spreadsheet (same filters, same rows as the page). */
  @Get('export.xlsx')
  async export(@Page() page: PageRequest) {
    return xlsxDownload(await this.audit.export(page), 'audit.xlsx');
  }
}
