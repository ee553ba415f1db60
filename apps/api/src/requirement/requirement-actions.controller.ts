import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator';
import {
  AcceptDto,
  ApproveDto,
  AssessDto,
  FailTestingDto,
  LogEffortDto,
  PassTestingDto,
  ReasonDto,
  ReleaseDto,
  ReplanDto,
  StartDevelopmentDto,
  SubmitForTestingDto,
} from './dto/requirement-action.dto';
import { REQUIREMENT_PROCESS, type RequirementAction } from '@luyue/requirement/definitions';
import { Acting, type ActingContext } from '../kit/acting-context';
import { actionRoutes } from '../kit/action-route.decorator';
import { RequirementDto as RequirementAnswer } from './dto/requirement.dto';
import { RequirementActionsService } from './requirement-actions.service';

/** `POST /api/requirements/:id/actions/<action>`, roles and states from the process table. */
const RequirementActionRoute = actionRoutes<RequirementAction>(REQUIREMENT_PROCESS, {
  path: (action) => `:id/actions/${action}`,
  describe: (rule) =>
    `${rule.roles.join(' or ')}, while the request is ${rule.from.join(' / ')}${rule.to ? `; moves it to ${rule.to}` : ''}. Answers the request as the action left it.`,
  ok: { type: RequirementAnswer },
  errors: {
    400: 'The payload is invalid; `fields` names them',
    403: 'Not a role (of your party) that may take this action',
    404: 'No such request in a contract you are party to',
    409: 'invalid_state: `currentStatus` and `allowedActions` say what is possible; quota_exceeded: `remaining` person-days',
  },
});

/** One route per action so each has its payload DTO; an unknown action is a 404. */
@ApiTags('requirements')
@Authenticated()
@Controller('api/requirements')
export class RequirementActionsController {
  constructor(private readonly actions: RequirementActionsService) {}

  @RequirementActionRoute('assess', 'Technical assessment: kind, feasibility, estimate, date')
  assess(
    @Param('id') id: string,
    @Body() body: AssessDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementAnswer> {
    return this.actions.run(ctx, id, 'assess', body);
  }

  @RequirementActionRoute('approve', 'Approve the estimate; interface_new reserves quota')
  approve(
    @Param('id') id: string,
    @Body() body: ApproveDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementAnswer> {
    return this.actions.run(ctx, id, 'approve', body);
  }

  @RequirementActionRoute('reject', 'Reject the request (final); releases any reservation')
  reject(
    @Param('id') id: string,
    @Body() body: ReasonDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementAnswer> {
    return this.actions.run(ctx, id, 'reject', body);
  }

  @RequirementActionRoute('start-development', 'Start development')
  startDevelopment(
    @Param('id') id: string,
    @Body() body: StartDevelopmentDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementAnswer> {
    return this.actions.run(ctx, id, 'start-development', body);
  }

  @RequirementActionRoute('log-effort', 'Add a work-log entry (person-days on a day)')
  logEffort(
    @Param('id') id: string,
    @Body() body: LogEffortDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementAnswer> {
    return this.actions.run(ctx, id, 'log-effort', body);
  }

  @RequirementActionRoute('submit-for-testing', 'Hand a version to the hospital for UAT')
  submitForTesting(
    @Param('id') id: string,
    @Body() body: SubmitForTestingDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementAnswer> {
    return this.actions.run(ctx, id, 'submit-for-testing', body);
  }

  @RequirementActionRoute('pass-testing', 'UAT passed')
  passTesting(
    @Param('id') id: string,
    @Body() body: PassTestingDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementAnswer> {
    return this.actions.run(ctx, id, 'pass-testing', body);
  }

  @RequirementActionRoute('fail-testing', 'UAT failed: back to development')
  failTesting(
    @Param('id') id: string,
    @Body() body: FailTestingDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementAnswer> {
    return this.actions.run(ctx, id, 'fail-testing', body);
  }

  @RequirementActionRoute('release', 'Release: version, notes, rollback plan; on time is recorded')
  release(
    @Param('id') id: string,
    @Body() body: ReleaseDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementAnswer> {
    return this.actions.run(ctx, id, 'release', body);
  }

  @RequirementActionRoute('accept', 'Sign off (final); consumes the actual person-days of quota')
  accept(
    @Param('id') id: string,
    @Body() body: AcceptDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementAnswer> {
    return this.actions.run(ctx, id, 'accept', body);
  }

  @RequirementActionRoute('replan', 'Move the planned delivery date (≥ 7 days notice, else late)')
  replan(
    @Param('id') id: string,
    @Body() body: ReplanDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementAnswer> {
    return this.actions.run(ctx, id, 'replan', body);
  }

  @RequirementActionRoute('cancel', 'Cancel before release (final); releases reserved quota')
  cancel(
    @Param('id') id: string,
    @Body() body: ReasonDto,
    @Acting() ctx: ActingContext,
  ): Promise<RequirementAnswer> {
    return this.actions.run(ctx, id, 'cancel', body);
  }
}
