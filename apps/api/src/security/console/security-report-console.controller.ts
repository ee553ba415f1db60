import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, type Actor } from '@luyue/domain';
import type { Response } from 'express';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Page, type PageRequest } from '../../console/console-page';
import { CsrfGuard } from '../../console/csrf.guard';
import { ConsolePage } from '../../kit/console-action';
import { SecurityReportConsoleService } from './security-report-console.service';
import { ChartQuery, sendSvgChart, type ChartRequest } from '../../console/chart-route';

/** The contract year the notices were issued in, as the stats route takes it. */
function yearOf(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  // A contract year (1, 2, …), as the year select sends it; the service checks it exists.
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw new DomainError('validation_failed', 'validation.year', {});
  }
  return n;
}

/** The printable rectification report of a notice, and remediation statistics with its chart (an SVG image). */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('security')
export class SecurityReportConsoleController {
  constructor(private readonly console: SecurityReportConsoleService) {}

  @ConsolePage('notices/:id/report')
  report(@Page() page: PageRequest, @Param('id') id: string): Promise<string> {
    return this.console.report(page, id);
  }

  @ConsolePage('stats')
  stats(@Page() page: PageRequest, @Query('year') year: unknown): Promise<string> {
    return this.console.stats(page, yearOf(year));
  }

  @Get('stats/:chart.svg')
  async chart(
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @ChartQuery() q: ChartRequest,
  ): Promise<void> {
    sendSvgChart(res, await this.console.chart(actor, q.contractId, q.chart, yearOf(q.year)));
  }
}
