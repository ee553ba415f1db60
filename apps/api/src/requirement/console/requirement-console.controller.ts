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
import { AttachmentUploadInterceptor } from '../../files/attachment-upload.interceptor';
import type { StoredUpload } from '../../files/file-store.service';
import { RequirementPagesService } from '../requirement-pages.service';
import { setFlash } from '../../console/console-frame.service';
import { CsrfGuard } from '../../console/csrf.guard';
import { RequirementConsoleService, type ConsoleOutcome } from './requirement-console.service';

/** The request pages: list, submit form, the request with its action forms, the sheet. */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('requirements')
export class RequirementConsoleController {
  constructor(
    private readonly console: RequirementConsoleService,
    private readonly pages: RequirementPagesService,
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
  @UseInterceptors(AttachmentUploadInterceptor)
  async submit(
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @UploadedFiles() files: StoredUpload[] | undefined,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    this.send(res, await this.console.submit(req, res, actor, body, files ?? [], requestId));
  }

  @Post(':id/attachments')
  @UseInterceptors(AttachmentUploadInterceptor)
  async attach(
    @Res() res: Response,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @UploadedFiles() files: StoredUpload[] | undefined,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    this.send(res, await this.console.attach(actor, id, files ?? [], requestId));
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

  @Get(':id/acceptance')
  @Header('Content-Type', 'text/html; charset=utf-8')
  acceptance(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<string> {
    return this.pages.acceptance(actor, id);
  }

  @Post(':id/actions/:action')
  async act(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('action') action: string,
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    this.send(res, await this.console.act(req, res, actor, id, action, body, requestId));
  }

  private send(res: Response, outcome: ConsoleOutcome): void {
    if (outcome.kind === 'page') {
      res.status(outcome.status).type('html').send(outcome.html);
      return;
    }
    setFlash(res, outcome.flash, this.config.PUBLIC_BASE_URL);
    res.redirect(303, outcome.location);
  }
}
