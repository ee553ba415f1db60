import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
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
import { CHANGE_PROCESS, type Actor, type Role } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { Idempotent } from '../common/idempotent.decorator';
import type { StoredUpload } from '../files/file-store.service';
import { Acting } from '../requirements/acting-context.decorator';
import type { ActingContext } from '../requirements/requirement-actions.service';
import { ChangeActionsService } from './change-actions.service';
import { ChangeRequestsService, PROPOSER_ROLES } from './change-requests.service';
import { ContractYearQueryDto } from '../requirements/dto/contract-year.query';
import { ChangeStatsService } from './change-stats.service';
import { ChangeListQueryDto, ChangePageDto } from './dto/change-list.dto';
import { ChangeStatsDto } from './dto/change-stats.dto';
import { ChangeNoteDto, ChangeReplyDto, ChangeWithdrawDto } from './dto/change-reply.dto';
import { ChangeRequestDto } from './dto/change-request.dto';
import { ProposeChangeDto } from './dto/propose-change.dto';
import { FilesUpload } from '../files/upload.interceptors';

/** A step on one change: its roles from the process table, and the refusals every step shares. */
const roles = (action: keyof typeof CHANGE_PROCESS.actions) =>
  applyDecorators(
    Roles(...(CHANGE_PROCESS.actions[action].roles as [Role, ...Role[]])),
    ApiErrors({
      404: 'No such change in a contract you are party to',
      409: 'Not possible in the current status: `currentStatus` and `allowedActions` say why',
    }),
  );

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

  @Post('change-requests/:id/replies')
  @HttpCode(HttpStatus.OK)
  @roles('reply')
  @Idempotent()
  @ApiOperation({
    summary: "Your party's written reply (agree, or disagree with a comment); the first one counts",
  })
  @ApiOkResponse({ type: ChangeRequestDto })
  @ApiErrors({ 409: 'Your party has replied already, or the change is settled' })
  reply(
    @Param('id') id: string,
    @Body() body: ChangeReplyDto,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.actions.reply(ctx, id, body);
  }

  @Post('change-requests/:id/actions/withdraw')
  @HttpCode(HttpStatus.OK)
  @roles('withdraw')
  @Idempotent()
  @ApiOperation({ summary: 'The proposing party withdraws the change before an outcome' })
  @ApiOkResponse({ type: ChangeRequestDto })
  withdraw(
    @Param('id') id: string,
    @Body() body: ChangeWithdrawDto,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.changes.act(ctx, id, 'withdraw', { reason: body.reason });
  }

  @Post('change-requests/:id/actions/confirm')
  @HttpCode(HttpStatus.OK)
  @roles('confirm')
  @Idempotent()
  @ApiOperation({ summary: 'The vendor records the written confirmation; effects then apply' })
  @ApiOkResponse({ type: ChangeRequestDto })
  confirm(
    @Param('id') id: string,
    @Body() body: ChangeNoteDto,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.changes.act(ctx, id, 'confirm', { note: body.note ?? '' });
  }

  @Post('change-requests/:id/actions/start-implementation')
  @HttpCode(HttpStatus.OK)
  @roles('start-implementation')
  @Idempotent()
  @ApiOperation({ summary: 'Start implementing the confirmed change' })
  @ApiOkResponse({ type: ChangeRequestDto })
  startImplementation(
    @Param('id') id: string,
    @Body() body: ChangeNoteDto,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.changes.act(ctx, id, 'start-implementation', { note: body.note ?? '' });
  }

  @Post('change-requests/:id/actions/archive')
  @HttpCode(HttpStatus.OK)
  @roles('archive')
  @UseInterceptors(FilesUpload('files', 10))
  @Idempotent()
  @ApiOperation({
    summary: 'Upload the updated configuration documents (multipart `files`, `note`)',
    description:
      'With an Idempotency-Key a resend answers the first answer and stores no second copy (the key binds caller and route; the files are not read before the first run). A refused archive keeps none of its files.',
  })
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
  @ApiOkResponse({ type: ChangeRequestDto })
  archive(
    @Param('id') id: string,
    @Body() body: ChangeNoteDto,
    @UploadedFiles() files: StoredUpload[] | undefined,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.actions.archive(ctx, id, body.note ?? '', files ?? []);
  }

  @Post('change-requests/:id/actions/close')
  @HttpCode(HttpStatus.OK)
  @roles('close')
  @Idempotent()
  @ApiOperation({ summary: 'Close the change once its documents are archived' })
  @ApiOkResponse({ type: ChangeRequestDto })
  close(
    @Param('id') id: string,
    @Body() body: ChangeNoteDto,
    @Acting() ctx: ActingContext,
  ): Promise<ChangeRequestDto> {
    return this.changes.act(ctx, id, 'close', { note: body.note ?? '' });
  }
}
