import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Post,
  Req,
  Res,
  UploadedFile,
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
import { sendOutcome } from '../../console/console-outcome';
import { CsrfGuard } from '../../console/csrf.guard';
import type { ConsoleOutcome } from '../../requirement/console/requirement-console.service';
import { SecurityConsoleService } from './security-console.service';
import { SecurityTasksConsoleService } from './security-tasks-console.service';
import { FileUpload } from '../../files/upload.interceptors';

/** The security pages: notices and the issue form, a notice with its imports, tasks, a task. */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('security')
export class SecurityConsoleController {
  constructor(
    private readonly console: SecurityConsoleService,
    private readonly taskList: SecurityTasksConsoleService,
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

  @Post('notices')
  async issue(
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    this.send(res, await this.console.issue(req, res, actor, body, requestId));
  }

  @Get('notices/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  notice(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.console.notice(req, res, actor, id);
  }

  @Post('notices/:id/reports')
  @UseInterceptors(FileUpload('file'))
  async upload(
    @Res() res: Response,
    @Param('id') id: string,
    @UploadedFile() file: StoredUpload | undefined,
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    this.send(res, await this.console.upload(actor, id, file, body, requestId));
  }

  @Get('tasks')
  @Header('Content-Type', 'text/html; charset=utf-8')
  tasks(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.taskList.list(req, res, actor);
  }

  @Get('tasks/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  task(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.console.task(req, res, actor, id);
  }

  @Post('tasks/:id/actions/:action')
  @UseInterceptors(AttachmentUploadInterceptor)
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
    this.send(
      res,
      await this.console.act(req, res, actor, id, action, body, files ?? [], requestId),
    );
  }

  private send(res: Response, outcome: ConsoleOutcome): void {
    sendOutcome(res, outcome, this.config.PUBLIC_BASE_URL);
  }
}
