import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { Idempotent } from '../common/idempotent.decorator';
import { Acting, type ActingContext } from '../kit/acting-context';
import { FaultListQueryDto, ReportFaultDto } from './dto/fault-ticket.dto';
import { SlaPolicyDto } from './dto/sla-policy.dto';
import { FaultTicketsService } from './fault-tickets.service';

/** Fault tickets of a contract: report, list, read; the contract's SLA policy. */
@ApiTags('fault-tickets')
@Authenticated()
@Controller('api')
export class FaultTicketsController {
  constructor(private readonly tickets: FaultTicketsService) {}

  @Post('contracts/:contractId/fault-tickets')
  @Roles('hospital_staff', 'hospital_manager', 'vendor_pm', 'vendor_dev')
  @Idempotent()
  @ApiOperation({
    summary: 'Report a fault (the vendor logs a call with its time): its clocks start at once',
  })
  @ApiCreatedResponse({ description: 'The ticket with its first clocks' })
  @ApiErrors({ 404: true })
  report(
    @Param('contractId') contractId: string,
    @Body() body: ReportFaultDto,
    @Acting() ctx: ActingContext,
  ) {
    return this.tickets.report(ctx, contractId, body);
  }

  @Get('contracts/:contractId/fault-tickets')
  @ApiOperation({ summary: "The contract's fault tickets, open ones first by their next due time" })
  @ApiOkResponse({ description: '`{items, total, page, pageSize}`' })
  @ApiErrors({ 404: true })
  list(
    @Param('contractId') contractId: string,
    @Query() query: FaultListQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.tickets.list(actor, contractId, query);
  }

  @Get('fault-tickets/:id')
  @ApiOperation({ summary: 'One ticket: its clocks, pause, extension, history and your steps' })
  @ApiOkResponse({ description: 'The ticket with its workflow state and your allowed actions' })
  @ApiErrors({ 404: 'No such ticket in a contract you are party to' })
  view(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.tickets.view(actor, id);
  }

  @Get('contracts/:contractId/sla-policy')
  @ApiOperation({ summary: 'The SLA policy in force (the default terms until first edited)' })
  @ApiOkResponse({ description: '`{version, policy}`; version null for the default terms' })
  @ApiErrors({ 404: true })
  policy(@Param('contractId') contractId: string, @CurrentActor() actor: Actor) {
    return this.tickets.policy(actor, contractId);
  }

  @Put('contracts/:contractId/sla-policy')
  @Roles('admin', 'hospital_manager')
  @ApiOperation({ summary: 'A new SLA policy version; tickets reported before keep theirs' })
  @ApiOkResponse({ description: '`{version, policy}` of the new version' })
  @ApiErrors({ 404: true })
  savePolicy(
    @Param('contractId') contractId: string,
    @Body() body: SlaPolicyDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.tickets.savePolicy(actor, contractId, body);
  }
}
