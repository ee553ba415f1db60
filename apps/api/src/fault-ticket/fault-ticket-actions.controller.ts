import { Body, Controller, Param, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { FAULT_PROCESS, type FaultAction } from '@luyue/fault-ticket/definitions';
import { Authenticated } from '../auth/authenticated.decorator';
import { AttachmentUploadInterceptor } from '../files/attachment-upload.interceptor';
import type { StoredUpload } from '../files/file-store.service';
import { Acting, type ActingContext } from '../kit/acting-context';
import { actionRoutes } from '../kit/action-route.decorator';
import {
  ConfirmLevelDto,
  FaultNoteDto,
  FaultReasonDto,
  PauseFaultDto,
  RequestExtensionDto,
  ResolveFaultDto,
} from './dto/fault-ticket.dto';
import { FaultTicketActionsService } from './fault-ticket-actions.service';

/** `POST /api/fault-tickets/:id/actions/<action>`, roles and states from the process table. */
const Step = actionRoutes<FaultAction>(FAULT_PROCESS, {
  path: (action) => `fault-tickets/:id/actions/${action}`,
  describe: (rule) =>
    `${rule.roles.join(' or ')}, while the ticket is ${rule.from.join(' / ')}${rule.to ? `; moves it to ${rule.to}` : ''}.`,
  ok: { description: 'The ticket as the step left it, with its clocks and your steps' },
  errors: {
    400: 'The payload is invalid; `fields` names them',
    403: 'Not a role (of your party) that may take this step',
    404: 'No such ticket in a contract you are party to',
    409: 'invalid_state: `currentStatus` and `allowedActions` say what is possible',
  },
});

/** One route per step, each with its payload DTO. */
@ApiTags('fault-tickets')
@Authenticated()
@Controller('api')
export class FaultTicketActionsController {
  constructor(private readonly steps: FaultTicketActionsService) {}

  @Step('acknowledge', 'Acknowledge the fault: the response clock stops')
  acknowledge(@Param('id') id: string, @Body() b: FaultNoteDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'acknowledge', { note: b.note ?? '' });
  }

  @Step('arrive', 'On site: the on-site clock stops')
  arrive(@Param('id') id: string, @Body() b: FaultNoteDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'arrive', { note: b.note ?? '' });
  }

  @Step('restore', 'Service restored: the recovery clock stops, the report clock starts')
  restore(@Param('id') id: string, @Body() b: FaultNoteDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'restore', { note: b.note ?? '' });
  }

  @Step('resolve', 'Resolved: cause and solution')
  resolve(@Param('id') id: string, @Body() b: ResolveFaultDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'resolve', { cause: b.cause, solution: b.solution });
  }

  @Step('submit-report', 'Submit the report (multipart `note`, `files`): the report clock stops', {
    idempotent: false,
  })
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['files'],
      properties: {
        note: { type: 'string' },
        files: { type: 'array', items: { type: 'string', format: 'binary' } },
      },
    },
  })
  submitReport(
    @Param('id') id: string,
    @Body() b: FaultNoteDto,
    @UploadedFiles() files: StoredUpload[] | undefined,
    @Acting() ctx: ActingContext,
  ) {
    return this.steps.submitReport(ctx, id, b.note ?? '', files ?? []);
  }

  @Step('sign', 'Sign the service report: the ticket is closed')
  sign(@Param('id') id: string, @Body() b: FaultNoteDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'sign', { note: b.note ?? '' });
  }

  @Step('reopen', 'Not fixed: back to the vendor, the recovery clock runs on')
  reopen(@Param('id') id: string, @Body() b: FaultReasonDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'reopen', { reason: b.reason });
  }

  @Step('confirm-level', 'Confirm or correct the level: time counted so far is kept')
  confirmLevel(@Param('id') id: string, @Body() b: ConfirmLevelDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'confirm-level', { level: b.level, note: b.note ?? '' });
  }

  @Step('pause', "Pause the clocks; waiting for the hospital needs the hospital's confirmation")
  pause(@Param('id') id: string, @Body() b: PauseFaultDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'pause', {
      reason: b.reason,
      note: b.note,
      supplier: b.supplier,
    });
  }

  @Step('confirm-pause', "Confirm the vendor's pause: the clocks stop now")
  confirmPause(@Param('id') id: string, @Body() b: FaultNoteDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'confirm-pause', { note: b.note ?? '' });
  }

  @Step('refuse-pause', "Refuse the vendor's pause")
  refusePause(@Param('id') id: string, @Body() b: FaultReasonDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'refuse-pause', { reason: b.reason });
  }

  @Step('resume', 'Resume the clocks')
  resume(@Param('id') id: string, @Body() b: FaultNoteDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'resume', { note: b.note ?? '' });
  }

  @Step('request-extension', 'Ask for more covered minutes on a running clock')
  requestExtension(
    @Param('id') id: string,
    @Body() b: RequestExtensionDto,
    @Acting() ctx: ActingContext,
  ) {
    return this.steps.act(ctx, id, 'request-extension', {
      clock: b.clock,
      minutes: b.minutes,
      reason: b.reason,
    });
  }

  @Step('grant-extension', 'Grant the extension: recorded with the clock')
  grantExtension(@Param('id') id: string, @Body() b: FaultNoteDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'grant-extension', { note: b.note ?? '' });
  }

  @Step('refuse-extension', 'Refuse the extension')
  refuseExtension(
    @Param('id') id: string,
    @Body() b: FaultReasonDto,
    @Acting() ctx: ActingContext,
  ) {
    return this.steps.act(ctx, id, 'refuse-extension', { reason: b.reason });
  }
}
