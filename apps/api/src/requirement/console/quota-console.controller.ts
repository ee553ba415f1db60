import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, type Actor } from '@luyue/domain';
import type { Response } from 'express';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Page, type PageRequest } from '../../console/console-page';
import { CsrfGuard } from '../../console/csrf.guard';
import { ConsolePage } from '../../kit/console-action';
import { QuotaConsoleService } from './quota-console.service';
import { ChartQuery, sendSvgChart, type ChartRequest } from '../../console/chart-route';

function yearOf(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new DomainError('validation_failed', 'validation.contract_year', {});
  return n;
}

/** Quota and statistics and its charts (SVG images rendered on the server). */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('quota')
export class QuotaConsoleController {
  constructor(private readonly quota: QuotaConsoleService) {}

  @ConsolePage()
  page(@Page() page: PageRequest, @Query('year') year: unknown): Promise<string> {
    return this.quota.page(page, yearOf(year));
  }

  @Get(':chart.svg')
  async chart(
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @ChartQuery() q: ChartRequest,
  ): Promise<void> {
    sendSvgChart(res, await this.quota.chart(actor, q.contractId, q.chart, yearOf(q.year)));
  }
}
