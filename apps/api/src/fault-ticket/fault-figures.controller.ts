import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FAULT_TICKET_TERMS, type Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { XLSX, xlsxDownload } from '../common/xlsx-download';
import { ContractYearQueryDto } from '../contracts/dto/contract-year.query';
import { FaultFiguresService, type FaultYearFigures } from './fault-figures.service';

/** A contract year's fault figures and its ledger. */
@ApiTags('fault-tickets')
@Authenticated()
@Controller('api/contracts/:contractId')
export class FaultFiguresController {
  constructor(private readonly figures: FaultFiguresService) {}

  @Get('fault-figures')
  @ApiOperation({
    summary: `A contract year's fault figures (${FAULT_TICKET_TERMS.figures}) per level`,
    description:
      'Tickets; response and recovery attainment (met ÷ (met + breached), a fraction, null when none is decided; a running clock counts once breached); overruns (one per breached clock); median and p90 covered minutes to restore; per level its major-breach standing (warning at 4 level_1 or 9 level_2 overruns, breach at 5 or 10).',
  })
  @ApiOkResponse({ description: '`{contractYear, levels[], total}`' })
  @ApiErrors({ 404: true })
  get(
    @Param('contractId') contractId: string,
    @Query() query: ContractYearQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<FaultYearFigures> {
    return this.figures.figures(actor, contractId, query.year);
  }

  @Get('fault-ledger.xlsx')
  @ApiOperation({
    summary: `The fault ledger (${FAULT_TICKET_TERMS.ledger}) of a contract year as an Excel file`,
    description:
      'One row per ticket: its clocks (due, done, met, overrun), pauses, cause, solution.',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '.xlsx attachment' })
  @ApiErrors({ 404: true })
  async ledger(
    @Param('contractId') contractId: string,
    @Query() query: ContractYearQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const file = await this.figures.ledger(actor, contractId, query.year);
    return xlsxDownload(file, 'fault-ledger.xlsx');
  }
}
