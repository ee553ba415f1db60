import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { StreamableFile } from '@nestjs/common';
import { XLSX, xlsxDownload } from '../common/xlsx-download';
import type { Actor } from '@luyue/domain';
import { DUTY_PROCESS, type DutyAction } from '@luyue/duty/definitions';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { NamedFilesUploadInterceptor } from '../files/attachment-upload.interceptor';
import type { StoredUpload } from '../files/file-store.service';
import { Acting, type ActingContext } from '../kit/acting-context';
import { actionRoutes } from '../kit/action-route.decorator';
import {
  DutyFollowUpDto,
  DutyFiguresQueryDto,
  DutyListQueryDto,
  DutyReasonDto,
  RecordDutyDto,
  SignDutyDto,
} from './dto/duty.dto';
import { DutiesService } from './duties.service';
import { DutyActionsService } from './duty-actions.service';

/** `POST /api/duties/:id/actions/<action>`, roles and states from the process table. */
const Step = actionRoutes<DutyAction>(DUTY_PROCESS, {
  path: (action) => `duties/:id/actions/${action}`,
  describe: (rule) =>
    `${rule.roles.join(' or ')}, while the duty is ${rule.from.join(' / ')}${rule.to ? `; moves it to ${rule.to}` : ''}.`,
  ok: { description: 'The occurrence as the step left it, with your steps' },
  errors: {
    400: 'The payload is invalid; `fields` names them',
    403: 'Not a role (of your party) that may take this step',
    404: 'No such duty in a contract you are party to',
    409: 'invalid_state: `currentStatus` and `allowedActions` say what is possible',
  },
});

/** Duty occurrences: list, read, figures, their steps, a fault ticket from an abnormal item. */
@ApiTags('duties')
@Authenticated()
@Controller('api')
export class DutiesController {
  constructor(
    private readonly duties: DutiesService,
    private readonly steps: DutyActionsService,
  ) {}

  @Get('contracts/:contractId/duties')
  @ApiOperation({ summary: "The contract's duty occurrences, open ones first by their deadline" })
  @ApiOkResponse({ description: '`{items, total, page, pageSize}`' })
  @ApiErrors({ 404: true })
  list(
    @Param('contractId') contractId: string,
    @Query() query: DutyListQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.duties.list(actor, contractId, query);
  }

  @Get('contracts/:contractId/duty-figures')
  @ApiOperation({ summary: 'Per kind: due, done (signed), late, missed, completion against 100 %' })
  @ApiOkResponse({ description: 'The figures of the contract year' })
  @ApiErrors({ 404: true })
  figures(
    @Param('contractId') contractId: string,
    @Query() query: DutyFiguresQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.duties.figures(actor, contractId, query.year);
  }

  @Get('contracts/:contractId/duty-ledger.xlsx')
  @ApiOperation({ summary: 'Every occurrence of a contract year as an Excel file' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '.xlsx attachment' })
  @ApiErrors({ 404: true })
  async ledger(
    @Param('contractId') contractId: string,
    @Query() query: DutyFiguresQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const file = await this.duties.ledger(actor, contractId, query.year);
    return xlsxDownload(file, 'duty-ledger.xlsx');
  }

  @Get('duties/:id')
  @ApiOperation({ summary: 'One occurrence: its record, signatures, links and your steps' })
  @ApiOkResponse({ description: 'The occurrence with its workflow state and your allowed actions' })
  @ApiErrors({ 404: 'No such duty in a contract you are party to' })
  view(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.duties.view(actor, id);
  }

  @Step(
    'record',
    "Record the duty (multipart `summary`, `answers` JSON, report `files`, an item's `files.<key>`)",
    {
      idempotent: false,
    },
  )
  @UseInterceptors(NamedFilesUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['answers'],
      properties: {
        summary: { type: 'string' },
        answers: { type: 'string', description: 'JSON `[{key, result, note}]`' },
        files: { type: 'array', items: { type: 'string', format: 'binary' } },
      },
      additionalProperties: {
        type: 'string',
        format: 'binary',
        description: "`files.<key>`: an item's evidence",
      },
    },
  })
  record(
    @Param('id') id: string,
    @Body() b: RecordDutyDto,
    @UploadedFiles() files: Array<StoredUpload & { fieldname?: string }> | undefined,
    @Acting() ctx: ActingContext,
  ) {
    return this.steps.record(ctx, id, b.summary ?? '', b.answers, files ?? []);
  }

  @Step('sign', "Sign the record as read (its sha256); the last signer's signature makes it done")
  sign(@Param('id') id: string, @Body() b: SignDutyDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'sign', { hash: b.hash, note: b.note ?? '', via: 'console' });
  }

  @Step('refuse', 'Refuse the record: back to the vendor')
  refuse(@Param('id') id: string, @Body() b: DutyReasonDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'refuse', { reason: b.reason });
  }

  @Step('cancel', 'Cancel the occurrence')
  cancel(@Param('id') id: string, @Body() b: DutyReasonDto, @Acting() ctx: ActingContext) {
    return this.steps.act(ctx, id, 'cancel', { reason: b.reason });
  }

  @Post('duties/:id/items/:key/requirement')
  @HttpCode(200)
  @Roles('hospital_manager', 'hospital_staff')
  @ApiOperation({
    summary: 'Submit a customization request for an abnormal checklist item, linked both ways',
  })
  @ApiOkResponse({
    description: '`{linked, requirement}`; the same link again for an item already submitted',
  })
  @ApiErrors({ 404: 'No such duty in a contract you are party to' })
  openRequirement(
    @Param('id') id: string,
    @Param('key') key: string,
    @Body() b: DutyFollowUpDto,
    @Acting() ctx: ActingContext,
  ) {
    return this.steps.openFollowUp(ctx, id, key, 'requirement', b);
  }

  @Post('duties/:id/items/:key/fault-ticket')
  @HttpCode(200)
  @Roles('vendor_pm', 'vendor_dev', 'hospital_manager', 'hospital_staff')
  @ApiOperation({ summary: 'Report a fault for an abnormal checklist item, linked both ways' })
  @ApiOkResponse({
    description: '`{linked, ticket}`; the same link again for an item already reported',
  })
  @ApiErrors({ 404: 'No such duty in a contract you are party to' })
  openFault(
    @Param('id') id: string,
    @Param('key') key: string,
    @Body() b: DutyFollowUpDto,
    @Acting() ctx: ActingContext,
  ) {
    return this.steps.openFollowUp(ctx, id, key, 'fault_ticket', b);
  }
}
