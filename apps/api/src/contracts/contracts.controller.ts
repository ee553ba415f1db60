import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { RequestId } from '../common/request-id.decorator';
import { ContractsService } from './contracts.service';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto';
import { ContractDto } from './dto/contract.dto';
import { ContractSettingsPatchDto } from './dto/contract-settings.dto';
import { CreateContractDto } from './dto/create-contract.dto';

@ApiTags('contracts')
@Authenticated()
@Controller('api/contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a contract; its years are generated from the period (admin)' })
  @ApiCreatedResponse({ type: ContractDto })
  @ApiErrors({ 409: 'A contract with this number exists' })
  create(
    @Body() body: CreateContractDto,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<ContractDto> {
    return this.contracts.create(actor, body, requestId);
  }

  @Get()
  @ApiOperation({ summary: "Contracts the caller's organization is party to (admins: all)" })
  @ApiOkResponse({ type: ContractDto, isArray: true })
  list(@CurrentActor() actor: Actor): Promise<ContractDto[]> {
    return this.contracts.list(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One contract; 404 unless the caller is party to it (or admin)' })
  @ApiOkResponse({ type: ContractDto })
  @ApiErrors({ 404: true })
  get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<ContractDto> {
    return this.contracts.get(actor, id);
  }

  @Patch(':id/settings')
  @Roles('admin')
  @ApiOperation({ summary: "Change a contract's periods, quota or systems (admin; audited)" })
  @ApiOkResponse({ type: ContractDto })
  updateSettings(
    @Param('id') id: string,
    @Body() body: ContractSettingsPatchDto,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<ContractDto> {
    return this.contracts.updateSettings(actor, id, body, requestId);
  }

  @Get(':id/audit')
  @ApiOperation({ summary: "The contract's audit trail, newest first (parties and admins)" })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors({ 404: true })
  audit(
    @Param('id') id: string,
    @Query() query: AuditQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<AuditPageDto> {
    return this.contracts.auditTrail(actor, id, query);
  }
}
