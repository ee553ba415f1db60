import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ASSESSMENT_NAMES, type Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ImportDto } from './dto/security-notice.dto';
import {
  SecurityTaskDetailDto,
  SecurityTaskListQueryDto,
  SecurityTaskPageDto,
} from './dto/security-task.dto';
import { SecurityImportService } from './security-import.service';
import { SecurityTasksService } from './security-tasks.service';
import { XLSX, xlsxDownload } from '../common/xlsx-download';

/** Remediation tasks, import status, and the assessors' finding templates. */
@ApiTags('security')
@Authenticated()
@Controller('api')
export class SecurityTasksController {
  constructor(
    private readonly tasks: SecurityTasksService,
    private readonly imports: SecurityImportService,
  ) {}

  @Get('contracts/:contractId/security-tasks')
  @ApiOperation({ summary: "A page of the contract's remediation tasks, most severe first" })
  @ApiOkResponse({ type: SecurityTaskPageDto })
  @ApiErrors({ 404: true })
  list(
    @Param('contractId') contractId: string,
    @Query() query: SecurityTaskListQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<SecurityTaskPageDto> {
    return this.tasks.list(actor, contractId, query);
  }

  @Get('security-tasks/:id')
  @ApiOperation({ summary: 'A task with every asset line and the evidence of its findings' })
  @ApiOkResponse({ type: SecurityTaskDetailDto })
  @ApiErrors({ 404: true })
  get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<SecurityTaskDetailDto> {
    return this.tasks.get(actor, id);
  }

  @Get('security-imports/:importId')
  @ApiOperation({
    summary: 'An import: status (queued, parsing, done, refused), progress, summary',
    description:
      'summary: findings, created, merged, reopened, closed, and `refused` (reason, line/column or row/column, message) when refused.',
  })
  @ApiOkResponse({ type: ImportDto })
  @ApiErrors({ 404: true })
  status(@Param('importId') importId: string, @CurrentActor() actor: Actor): Promise<ImportDto> {
    return this.imports.status(actor, importId);
  }

  @Get('security-templates/mlps.xlsx')
  @ApiOperation({
    summary: `The ${ASSESSMENT_NAMES.mlps} (GB/T 22239/28448) finding sheet, with drop-downs`,
  })
  @ApiProduces(XLSX)
  async mlpsTemplate(): Promise<StreamableFile> {
    return xlsxDownload(await this.tasks.template('mlps'), 'mlps-template.xlsx');
  }

  @Get('security-templates/crypto.xlsx')
  @ApiOperation({
    summary: `The ${ASSESSMENT_NAMES.crypto} (GB/T 39786) finding sheet, with drop-downs`,
  })
  @ApiProduces(XLSX)
  async cryptoTemplate(): Promise<StreamableFile> {
    return xlsxDownload(await this.tasks.template('crypto'), 'crypto-template.xlsx');
  }
}
