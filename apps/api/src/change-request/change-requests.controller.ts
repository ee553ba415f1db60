import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CHANGE_PROCESS, type ChangeAction } from '@luyue/change-request/definitions';
import { type Actor } from '@luyue/domain';
import { actionRoutes } from '../kit/action-route.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { Idempotent } from '../common/idempotent.decorator';
import type { StoredUpload } from '../files/file-store.service';
import { Acting, type ActingContext } from '../kit/acting-context';
import { ChangeActionsService } from './change-actions.service';
import { ChangeRequestsService, PROPOSER_ROLES } from './change-requests.service';
import { ContractYearQueryDto } from '../contracts/dto/contract-year.query';
import { ChangeStatsService } from './change-stats.service';
import { ChangeListQueryDto, ChangePageDto } from './dto/change-list.dto';
import { ChangeStatsDto } from './dto/change-stats.dto';
import { ChangeNoteDto, ChangeReplyDto, ChangeWithdrawDto } from './dto/change-reply.dto';
import { ChangeRequestDto } from './dto/change-request.dto';
import { ProposeChangeDto } from './dto/propose-change.dto';
import { FilesUpload } from '../files/upload.interceptors';

/** A step on one change: its roles from the process table, and the refusals every step shares. */
const ChangeActionRoute = actionRoutes<ChangeAction>(CHANGE_PROCESS, {
  path: (action) =>
    action === 'reply' ? 'change-requests/:id/replies' : `change-requests/:id/actions/${action}`,
  ok: { type: ChangeRequestDto },
  errors: {
    404: 'No such change in a contract you are party to',
    409: 'Not possible in the current status: `currentStatus` and `allowedActions` say why',
  },
});

/** Change requests: propose, read, reply and move them through their process. */
@ApiTags('change-requests')
@Authenticated()
@Controller('api')
export class ChangeRequestsController {
  constructor(
    private readonly changes: ChangeRequestsService,
    private readonly actions: ChangeActionsService,
    private readonly statsService: ChangeStatsService,
  ) {}

  @Post('contracts/:contractId/change-requests')
  @Roles(...PROPOSER_ROLES)
  @Idempotent()
  @ApiOperation({
    summary: 'Propose a change; the two other parties are asked for written replies',
  })
  @ApiCreatedResponse({ type: ChangeRequestDto })
  @ApiErrors({ 403: 'Not a proposing role of a party to this contract', 404: true })
  propose(
    @Param('contractId') contractId: string,
    @Body() body: ProposeChangeDto,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.changes.propose(ctx, contractId, body);
  }

  @Get('contracts/:contractId/change-requests')
  @ApiOperation({ summary: "A contract's change requests, newest first" })
  @ApiOkResponse({ type: ChangePageDto })
  @ApiErrors({ 404: true })
  list(
    @Param('contractId') contractId: string,
    @Query() query: ChangeListQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<ChangePageDto> {
    return this.changes.list(actor, contractId, query);
  }

  @Get('contracts/:contractId/change-requests/stats')
  @ApiOperation({
    summary: "A contract year's change requests by status, and the silent parties' breaches",
  })
  @ApiOkResponse({ type: ChangeStatsDto })
  @ApiErrors({ 404: true })
  stats(
    @Param('contractId') contractId: string,
    @Query() query: ContractYearQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<ChangeStatsDto> {
    return this.statsService.stats(actor, contractId, query.year);
  }

  @Get('change-requests/:id')
  @ApiOperation({ summary: 'One change: replies, deadlines, timeline, what the caller may do' })
  @ApiOkResponse({ type: ChangeRequestDto })
  @ApiErrors({ 404: 'No such change in a contract you are party to' })
  get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<ChangeRequestDto> {
    return this.changes.get(actor, id);
  }

  @ChangeActionRoute(
    'reply',
    "Your party's written reply (agree, or disagree with a comment); the first one counts",
    { errors: { 409: 'Your party has replied already, or the change is settled' } },
  )
  reply(
    @Param('id') id: string,
    @Body() body: ChangeReplyDto,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.actions.reply(ctx, id, body);
  }

  @ChangeActionRoute('withdraw', 'The proposing party withdraws the change before an outcome')
  withdraw(
    @Param('id') id: string,
    @Body() body: ChangeWithdrawDto,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.actions.act(ctx, id, 'withdraw', { reason: body.reason });
  }

  @ChangeActionRoute('confirm', 'The vendor records the written confirmation; effects then apply')
  confirm(
    @Param('id') id: string,
    @Body() body: ChangeNoteDto,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.actions.act(ctx, id, 'confirm', { note: body.note ?? '' });
  }

  @ChangeActionRoute('start-implementation', 'Start implementing the confirmed change')
  startImplementation(
    @Param('id') id: string,
    @Body() body: ChangeNoteDto,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.actions.act(ctx, id, 'start-implementation', { note: body.note ?? '' });
  }

  @ChangeActionRoute(
    'archive',
    'Upload the updated configuration documents (multipart `files`, `note`)',
    {
      description:
        'With an Idempotency-Key a resend answers the first answer and stores no second copy (the key binds caller and route; the files are not read before the first run). A refused archive keeps none of its files.',
    },
  )
  @UseInterceptors(FilesUpload('files', 10))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        files: { type: 'array', items: { type: 'string', format: 'binary' } },
        note: { type: 'string' },
      },
    },
  })
  archive(
    @Param('id') id: string,
    @Body() body: ChangeNoteDto,
    @UploadedFiles() files: StoredUpload[] | undefined,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.actions.archive(ctx, id, body.note ?? '', files ?? []);
  }

  @ChangeActionRoute('close', 'Close the change once its documents are archived')
  close(
    @Param('id') id: string,
    @Body() body: ChangeNoteDto,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.actions.act(ctx, id, 'close', { note: body.note ?? '' });
  }
}
