import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ImportDto } from './dto/security-notice.dto';
import {
  SecurityTaskDetailDto,
  SecurityTaskListQueryDto,
  SecurityTaskPageDto,
} from './dto/security-task.dto';
import { SecurityImportService } from './security-import.service';
import { SecurityTasksService } from './security-tasks.service';
import { XLSX, xlsxDownload } from './xlsx-download';

/** Remediation tasks, import status, and the assessors' finding templates. */
@ApiTags('security')
@ApiBearerAuth()
@Controller('api')
export class SecurityTasksController {
  constructor(
    private readonly tasks: SecurityTasksService,
    private readonly imports: SecurityImportService,
  ) {}

  @Get('contracts/:contractId/security-tasks')
  @ApiOperation({ summary: "A page of the contract's remediation tasks, most severe first" })
  @ApiOkResponse({ type: SecurityTaskPageDto })
  @ApiNotFoundResponse()
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
  @ApiNotFoundResponse()
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
  @ApiNotFoundResponse()
  status(@Param('importId') importId: string, @CurrentActor() actor: Actor): Promise<ImportDto> {
    return this.imports.status(actor, importId);
  }

  @Get('security-templates/mlps.xlsx')
  @ApiOperation({ summary: 'The 等保 (GB/T 22239/28448) finding sheet, with drop-downs' })
  @ApiProduces(XLSX)
  async mlpsTemplate(): Promise<StreamableFile> {
    return xlsxDownload(await this.tasks.template('mlps'), 'mlps-template.xlsx');
  }

  @Get('security-templates/crypto.xlsx')
  @ApiOperation({ summary: 'The 密评 (GB/T 39786) finding sheet, with drop-downs' })
  @ApiProduces(XLSX)
  async cryptoTemplate(): Promise<StreamableFile> {
    return xlsxDownload(await this.tasks.template('crypto'), 'crypto-template.xlsx');
  }
}
