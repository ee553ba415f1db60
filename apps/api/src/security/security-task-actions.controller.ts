import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Query,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { REMEDIATION_PROCESS, type RemediationAction } from '@luyue/security/definitions';
import { RECTIFICATION_REPORT_LABELS, type Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { AttachmentUploadInterceptor } from '../files/attachment-upload.interceptor';
import type { StoredUpload } from '../files/file-store.service';
import { Acting, type ActingContext } from '../kit/acting-context';
import { actionRoutes } from '../kit/action-route.decorator';
import {
  AcceptRiskDto,
  FailRetestDto,
  FixDto,
  RemediationAssetsDto,
  RemediationNoteDto,
  RemediationReasonDto,
} from './dto/security-task-action.dto';
import { RemediationService, type RemediationTaskView } from './security-task-actions.service';

/** A route per action: roles and states from the process table, so guard and workflow agree. */
const ActionRoute = actionRoutes<RemediationAction>(REMEDIATION_PROCESS, {
  path: (action) => `security-tasks/:id/actions/${action}`,
  describe: (rule) => `${rule.roles.join(' or ')}, while the task is ${rule.from.join(' / ')}.`,
  ok: { description: 'The task with its remediation state and what you may do now' },
  errors: {
    403: 'Not a role (of your party) that may take this action',
    404: 'No such task in a contract you are party to',
    409: 'invalid_state (currentStatus, allowedActions); conflict for a severity that cannot be accepted',
  },
});

/** Security remediation: fix with proof, retest, risk acceptance, false positives; figures. */
@ApiTags('security')
@Authenticated()
@Controller('api')
export class RemediationController {
  constructor(private readonly remediation: RemediationService) {}

  @Get('security-tasks/:id/remediation')
  @ApiOperation({ summary: "A task's remediation: lines, fixes with proof, deadlines, retests" })
  @ApiOkResponse({ description: 'The task with its remediation state and your allowed actions' })
  @ApiErrors({ 404: 'No such task in a contract you are party to' })
  view(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<RemediationTaskView> {
    return this.remediation.view(actor, id);
  }

  @ActionRoute('start', 'Start fixing')
  start(@Param('id') id: string, @Body() b: RemediationNoteDto, @Acting() ctx: ActingContext) {
    return this.remediation.act(ctx, id, 'start', { note: b.note ?? '' });
  }

  @ActionRoute('fix', 'Record the fix with proof (multipart `note`, `files`, optional `assets`)', {
    idempotent: false,
  })
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['note', 'files'],
      properties: {
        note: { type: 'string' },
        files: { type: 'array', items: { type: 'string', format: 'binary' } },
        assets: { type: 'string', description: 'Comma-separated asset line ids' },
      },
    },
  })
  fix(
    @Param('id') id: string,
    @Body() b: FixDto,
    @UploadedFiles() files: StoredUpload[] | undefined,
    @Acting() ctx: ActingContext,
  ) {
    return this.remediation.fix(ctx, id, b, files ?? []);
  }

  @ActionRoute('request-retest', 'Ask the hospital to retest (ends the fix period)')
  requestRetest(
    @Param('id') id: string,
    @Body() b: RemediationNoteDto,
    @Acting() ctx: ActingContext,
  ) {
    return this.remediation.act(ctx, id, 'request-retest', { note: b.note ?? '' });
  }

  @ActionRoute('verify', 'Retest passed: verify the task, or the named asset lines')
  verify(@Param('id') id: string, @Body() b: RemediationAssetsDto, @Acting() ctx: ActingContext) {
    return this.remediation.act(ctx, id, 'verify', { note: b.note ?? '', assets: b.assets });
  }

  @ActionRoute('fail-retest', 'Retest failed: back to the vendor, a new fix period from today')
  failRetest(@Param('id') id: string, @Body() b: FailRetestDto, @Acting() ctx: ActingContext) {
    return this.remediation.act(ctx, id, 'fail-retest', { reason: b.reason, assets: b.assets });
  }

  @ActionRoute('accept-risk', 'Accept a low or informational risk until a date')
  acceptRisk(@Param('id') id: string, @Body() b: AcceptRiskDto, @Acting() ctx: ActingContext) {
    return this.remediation.act(ctx, id, 'accept-risk', {
      reason: b.reason,
      expiresOn: b.expiresOn,
    });
  }

  @ActionRoute('propose-false-positive', 'Propose that the finding is a false positive')
  proposeFalsePositive(
    @Param('id') id: string,
    @Body() b: RemediationReasonDto,
    @Acting() ctx: ActingContext,
  ) {
    return this.remediation.act(ctx, id, 'propose-false-positive', { reason: b.reason });
  }

  @ActionRoute('confirm-false-positive', 'Confirm the false positive (closes the task)')
  confirmFalsePositive(
    @Param('id') id: string,
    @Body() b: RemediationNoteDto,
    @Acting() ctx: ActingContext,
  ) {
    return this.remediation.act(ctx, id, 'confirm-false-positive', { note: b.note ?? '' });
  }

  @ActionRoute('refuse-false-positive', 'Refuse the false positive: fixing goes on')
  refuseFalsePositive(
    @Param('id') id: string,
    @Body() b: RemediationReasonDto,
    @Acting() ctx: ActingContext,
  ) {
    return this.remediation.act(ctx, id, 'refuse-false-positive', { reason: b.reason });
  }

  @Get('contracts/:contractId/security/stats')
  @ApiOperation({
    summary: `Completion item by item (${RECTIFICATION_REPORT_LABELS.rate}): issued, verified, rate by severity and source`,
  })
  @ApiQuery({
    name: 'year',
    required: false,
    type: 'integer',
    description: 'Contract year (1, 2, …) the notices were issued in, by their Shanghai date',
  })
  @ApiOkResponse({ description: 'Figures for the contract, per contract year and per notice' })
  @ApiErrors({ 404: true })
  stats(
    @Param('contractId') contractId: string,
    @CurrentActor() actor: Actor,
    @Query('year', new ParseIntPipe({ optional: true })) year?: number,
  ) {
    return this.remediation.stats(actor, contractId, year);
  }
}
