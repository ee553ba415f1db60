import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { NOTICE_ISSUER_ROLES, REPORT_FORMATS } from '@luyue/security/definitions';
import { ASSESSMENT_NAMES, EXPORT_NAMES, RSAS_VENDOR_NAME, type Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { RequestId } from '../common/request-id.decorator';
import type { StoredUpload } from '../files/file-store.service';
import {
  ImportAcceptedDto,
  IssueNoticeDto,
  NoticeDetailDto,
  NoticeDto,
} from './dto/security-notice.dto';
import { UploadReportDto } from './dto/upload-report.dto';
import { SecurityImportService } from './security-import.service';
import { SecurityNoticesService } from './security-notices.service';
import { SecurityTasksService } from './security-tasks.service';
import { XLSX, xlsxDownload } from '../common/xlsx-download';
import { FileUpload } from '../files/upload.interceptors';

/** Rectification notices and the reports imported into them. */
@ApiTags('security')
@Authenticated()
@Controller('api')
export class SecurityNoticesController {
  constructor(
    private readonly notices: SecurityNoticesService,
    private readonly imports: SecurityImportService,
    private readonly tasks: SecurityTasksService,
  ) {}

  @Post('contracts/:contractId/security-notices')
  @Roles(...NOTICE_ISSUER_ROLES)
  @ApiOperation({
    summary: 'Issue a rectification notice (hospital manager)',
    description: 'Reports are then imported into it; its findings become the vendor’s tasks.',
  })
  @ApiCreatedResponse({ type: NoticeDetailDto })
  @ApiErrors({
    403: 'Not the hospital manager of this contract',
    404: true,
    409: 'A notice with this number exists in the contract',
  })
  issue(
    @Param('contractId') contractId: string,
    @Body() body: IssueNoticeDto,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<NoticeDetailDto> {
    return this.notices.issue(actor, contractId, body, requestId);
  }

  @Get('contracts/:contractId/security-notices')
  @ApiOperation({ summary: "The contract's rectification notices, newest first" })
  @ApiOkResponse({ type: [NoticeDto] })
  @ApiErrors({ 404: true })
  list(
    @Param('contractId') contractId: string,
    @CurrentActor() actor: Actor,
  ): Promise<NoticeDto[]> {
    return this.notices.list(actor, contractId);
  }

  @Get('security-notices/:id')
  @ApiOperation({ summary: 'A notice: task counts by severity and state, its reports' })
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiErrors({ 404: true })
  get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<NoticeDetailDto> {
    return this.notices.get(actor, id);
  }

  @Post('security-notices/:id/reports')
  @Roles(...NOTICE_ISSUER_ROLES)
  @HttpCode(202)
  @UseInterceptors(FileUpload('file'))
  @ApiOperation({
    summary: 'Import a report into the notice (multipart `file`; the worker parses it)',
    description:
      `Answers once the file is stored (sha256). Nessus v2, OpenVAS/GVM, ${RSAS_VENDOR_NAME} RSAS XML, ${ASSESSMENT_NAMES.mlps}/${ASSESSMENT_NAMES.crypto} XLSX or CSV, told from the content.` +
      ' The same file again in the same notice answers the first import (`duplicate: true`) and creates nothing. Follow `GET /api/security-imports/{importId}`.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        format: { type: 'string', enum: [...REPORT_FORMATS] },
        reportDate: { type: 'string', format: 'date' },
        retestOf: { type: 'string', format: 'uuid' },
      },
    },
  })
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  @ApiErrors({ 403: 'Not the hospital manager of this contract', 404: true })
  upload(
    @Param('id') id: string,
    @UploadedFile() file: StoredUpload | undefined,
    @Body() body: UploadReportDto,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<ImportAcceptedDto> {
    return this.imports.upload(actor, id, file, body, requestId);
  }

  @Get('security-notices/:id/rectification-list.xlsx')
  @ApiOperation({
    summary: `The ${EXPORT_NAMES.rectificationList}: one row per affected asset, zh-CN headers`,
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '.xlsx attachment' })
  @ApiErrors({ 404: true })
  async rectificationList(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    return xlsxDownload(await this.tasks.rectificationList(actor, id), 'rectification-list.xlsx');
  }
}
