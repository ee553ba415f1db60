import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { Acting, type ActingContext } from '../kit/acting-context';
import { DutyPlanDto, DutyReasonDto, GenerateDutiesDto } from './dto/duty.dto';
import { DutyActionsService } from './duty-actions.service';
import { DutyPlansService } from './duty-plans.service';

/** A contract's duty plans: create (occurrences generated at once), list, read, stop; a year's occurrences. */
@ApiTags('duties')
@Authenticated()
@Controller('api')
export class DutyPlansController {
  constructor(
    private readonly plans: DutyPlansService,
    private readonly actions: DutyActionsService,
  ) {}

  @Post('contracts/:contractId/duty-plans')
  @Roles('admin', 'hospital_manager')
  @ApiOperation({
    summary: 'A duty plan; the contract year under way gets its occurrences from today on',
  })
  @ApiCreatedResponse({ description: 'The plan and how many occurrences were generated' })
  @ApiErrors({ 404: true })
  create(
    @Param('contractId') contractId: string,
    @Body() body: DutyPlanDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.plans.create(actor, contractId, body);
  }

  @Get('contracts/:contractId/duty-plans')
  @ApiOperation({ summary: "The contract's duty plans, active ones first" })
  @ApiOkResponse({ description: 'The plans' })
  @ApiErrors({ 404: true })
  list(@Param('contractId') contractId: string, @CurrentActor() actor: Actor) {
    return this.plans.list(actor, contractId);
  }

  @Get('duty-plans/:id')
  @ApiOperation({ summary: 'One duty plan' })
  @ApiOkResponse({ description: 'The plan' })
  @ApiErrors({ 404: 'No such plan in a contract you are party to' })
  view(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.plans.view(actor, id);
  }

  @Post('duty-plans/:id/stop')
  @HttpCode(200)
  @Roles('hospital_manager')
  @ApiOperation({ summary: 'Stop a plan: its occurrences not due yet are cancelled' })
  @ApiOkResponse({ description: 'The plan, inactive, and how many occurrences were cancelled' })
  @ApiErrors({ 404: 'No such plan in a contract you are party to' })
  stop(@Param('id') id: string, @Body() body: DutyReasonDto, @Acting() ctx: ActingContext) {
    return this.actions.stopPlan(ctx, id, body.reason);
  }

  @Post('contracts/:contractId/duties/generate')
  @HttpCode(200)
  @Roles('admin', 'hospital_manager')
  @ApiOperation({
    summary:
      "A contract year's occurrences of every active plan (the next year ahead of its start); running it again adds nothing",
  })
  @ApiOkResponse({ description: '`{year, generated}`' })
  @ApiErrors({ 404: true })
  generate(
    @Param('contractId') contractId: string,
    @Body() body: GenerateDutiesDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.plans.generateYear(actor, contractId, body.year);
  }
}
