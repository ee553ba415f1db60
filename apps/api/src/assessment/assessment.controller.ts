import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ASSESSMENT_TERMS, type Actor } from '@luyue/domain';
import type { AssessmentTemplate, Scorecard } from '@luyue/assessment/definitions';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ContractYearQueryDto } from '../contracts/dto/contract-year.query';
import { AssessmentService } from './assessment.service';
import { AssessmentTemplateDto } from './dto/assessment-template.dto';

/** A contract's assessment template and a contract year's scorecard. */
@ApiTags('assessment')
@Authenticated()
@Controller('api/contracts/:contractId')
export class AssessmentController {
  constructor(private readonly assessment: AssessmentService) {}

  @Get('assessment-template')
  @ApiOperation({
    summary: `The contract's assessment template (${ASSESSMENT_TERMS.template}); the defaults until first saved`,
  })
  @ApiOkResponse({ description: '`{indicators[{key, enabled, target}], availability}`' })
  @ApiErrors({ 404: true })
  template(
    @Param('contractId') contractId: string,
    @CurrentActor() actor: Actor,
  ): Promise<AssessmentTemplate> {
    return this.assessment.template(actor, contractId);
  }

  @Put('assessment-template')
  @Roles('admin', 'hospital_manager')
  @ApiOperation({
    summary: 'Replace the template: every indicator once, targets, switches, availability source',
  })
  @ApiOkResponse({ description: 'The template as saved' })
  @ApiErrors({ 404: true })
  saveTemplate(
    @Param('contractId') contractId: string,
    @Body() body: AssessmentTemplateDto,
    @CurrentActor() actor: Actor,
  ): Promise<AssessmentTemplate> {
    return this.assessment.saveTemplate(actor, contractId, body);
  }

  @Get('scorecard')
  @ApiOperation({
    summary: `A contract year's scorecard (${ASSESSMENT_TERMS.scorecard})`,
    description:
      'Each indicator of the template: target, formula, value, outcome (pass, fail, no_data, disabled), the counts and the items counted (kind, id, number) as evidence. Satisfaction and the IT department score have no data until surveys exist.',
  })
  @ApiOkResponse({
    description: '`{contractYear, startDate, endDate, asOf, overall, indicators[]}`',
  })
  @ApiErrors({ 404: true })
  scorecard(
    @Param('contractId') contractId: string,
    @Query() query: ContractYearQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Scorecard> {
    return this.assessment.scorecard(actor, contractId, query.year);
  }
}
