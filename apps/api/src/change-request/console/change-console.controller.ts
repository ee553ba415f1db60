import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Post,
  Req,
  Res,
  UploadedFiles,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig } from '@luyue/config';
import type { Actor } from '@luyue/domain';
import type { Request, Response } from 'express';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { RequestId } from '../../common/request-id.decorator';
import type { StoredUpload } from '../../files/file-store.service';
import { ChangeConsoleService } from './change-console.service';
import { sendOutcome } from '../../console/console-outcome';
import { CsrfGuard } from '../../console/csrf.guard';
import { FilesUpload } from '../../files/upload.interceptors';

/** The change-request pages: list, propose form, the change with its forms, the change confirmation. */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('change-requests')
export class ChangeConsoleController {
  constructor(
    private readonly console: ChangeConsoleService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  list(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.console.list(req, res, actor);
  }

  @Get('new')
  @Header('Content-Type', 'text/html; charset=utf-8')
  newForm(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.console.newForm(req, res, actor);
  }

  @Post('new')
  @UseInterceptors(FilesUpload('attachments', 10))
  async propose(
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @UploadedFiles() files: StoredUpload[] | undefined,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    const outcome = await this.console.propose(req, res, actor, body, files ?? [], requestId);
    sendOutcome(res, outcome, this.config.PUBLIC_BASE_URL);
  }

  @Get(':id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.console.page(req, res, actor, id);
  }

  @Get(':id/confirmation')
  @Header('Content-Type', 'text/html; charset=utf-8')
  confirmation(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<string> {
    return this.console.confirmation(actor, id);
  }

  @Post(':id/actions/:action')
  @UseInterceptors(FilesUpload('files', 10))
  async act(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('action') action: string,
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @UploadedFiles() files: StoredUpload[] | undefined,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    const outcome = await this.console.act(
      req,
      res,
      actor,
      id,
      action,
      body,
      files ?? [],
      requestId,
    );
    sendOutcome(res, outcome, this.config.PUBLIC_BASE_URL);
  }
}
