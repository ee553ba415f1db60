import { Body, Controller, Get, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { EXPORT_NAMES, KIND_LABELS, type Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { Acting } from '../kit/acting-context';
import { ContractYearQueryDto } from '../contracts/dto/contract-year.query';
import { RequirementDto } from './dto/requirement.dto';
import { RequirementListQueryDto, RequirementPageDto } from './dto/requirement-list.dto';
import { QuotaDto, RequirementStatsDto } from './dto/requirement-report.dto';
import { Idempotent } from '../common/idempotent.decorator';
import { SubmitRequirementDto } from './dto/submit-requirement.dto';
import { RequirementReportsService } from './requirement-reports.service';
import { RequirementSubmissionService, SUBMITTER_ROLES } from './requirement-submission.service';
import type { ActingContext } from '../kit/acting-context';
import { RequirementsService } from './requirements.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A contract's requests: submit, list, and the ledger, statistics and quota reports. */
@ApiTags('requirements')
@Authenticated()
@Controller('api/contracts/:contractId')
export class ContractRequirementsController {
  constructor(
    private readonly submission: RequirementSubmissionService,
    private readonly requirements: RequirementsService,
    private readonly reports: RequirementReportsService,
  ) {}

  @Post('requirements')
  @Roles(...SUBMITTER_ROLES)
  @Idempotent()
  @ApiOperation({
    summary: 'Submit a customization request (hospital staff or manager)',
    description:
      "Numbers it REQ-<year>-<nnnn>, starts its workflow and answers once the assessment deadline (3 working days after receipt, from the contract's settings) is set. `system` must be one of the contract's systems.",
  })
  @ApiCreatedResponse({ type: RequirementDto })
  @ApiErrors({ 403: 'Not hospital staff or manager of this contract', 404: true })
  submit(
    @Param('contractId') contractId: string,
    @Body() body: SubmitRequirementDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementDto> {
    return this.submission.submit(ctx, contractId, body);
  }

  @Get('requirements')
  @ApiOperation({ summary: "A page of the contract's requests, newest first, filtered" })
  @ApiOkResponse({ type: RequirementPageDto })
  @ApiErrors({ 404: true })
  list(
    @Param('contractId') contractId: string,
    @Query() query: RequirementListQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<RequirementPageDto> {
    return this.requirements.list(actor, contractId, query);
  }

  @Get('requirements/ledger.xlsx')
  @ApiOperation({
    summary: `The requirement ledger (${EXPORT_NAMES.requirementLedger}) as an Excel file`,
    description: 'Every request of the contract, or of one contract year with `?year=`.',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '.xlsx attachment' })
  @ApiErrors({ 404: true })
  async ledger(
    @Param('contractId') contractId: string,
    @Query() query: ContractYearQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const file = await this.reports.ledger(actor, contractId, query.year);
    return new StreamableFile(file.content, {
      type: XLSX,
      length: file.content.length,
      // An ASCII fallback name for old clients, the real (Chinese) one per RFC 6266.
      disposition: `attachment; filename="requirement-ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    });
  }

  @Get('requirements/stats')
  @ApiOperation({
    summary: "A contract year's request statistics",
    description:
      'Completion rate (accepted ÷ confirmed), on-time delivery rate, assessment breaches, mean assessment time in working days.',
  })
  @ApiOkResponse({ type: RequirementStatsDto })
  @ApiErrors({ 404: true })
  stats(
    @Param('contractId') contractId: string,
    @Query() query: ContractYearQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<RequirementStatsDto> {
    return this.reports.stats(actor, contractId, query.year);
  }

  @Get('quota')
  @ApiOperation({
    summary: `A contract year's interface-development quota (${KIND_LABELS.interface_new}, rule 2)`,
    description:
      'Approval reserves the estimate, acceptance consumes the actual person-days, cancellation or rejection releases; `entries` is the ledger behind the sums.',
  })
  @ApiOkResponse({ type: QuotaDto })
  @ApiErrors({ 404: true })
  quota(
    @Param('contractId') contractId: string,
    @Query() query: ContractYearQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<QuotaDto> {
    return this.reports.quota(actor, contractId, query.year);
  }
}
