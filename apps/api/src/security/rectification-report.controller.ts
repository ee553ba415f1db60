import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EXPORT_NAMES, type Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { XLSX, xlsxDownload } from '../common/xlsx-download';
import { RectificationReportService } from './rectification-report.service';

/** The rectification report of a notice; its printable page is /security/notices/:id/report. */
@ApiTags('security')
@Authenticated()
@Controller('api')
export class RectificationReportController {
  constructor(private readonly reports: RectificationReportService) {}

  @Get('security-notices/:id/rectification-report.xlsx')
  @ApiOperation({
    summary: `The ${EXPORT_NAMES.rectificationReport}: one row per asset line with fix, proof (sha256), retest, zh-CN headers`,
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '.xlsx attachment' })
  @ApiErrors({ 404: 'No such notice in a contract you are party to' })
  async xlsx(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    return xlsxDownload(await this.reports.xlsx(actor, id), 'rectification-report.xlsx');
  }
}
