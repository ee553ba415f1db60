import { Body, Controller, Get, Header, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';
import { LinkPrincipal } from '../auth/link-principal.decorator';
import { RequestId } from '../common/request-id.decorator';
import { FilesService } from '../files/files.service';
import { CHANGE_REPLY_PURPOSE } from '@luyue/domain';
import { ChangeConsoleService } from './change-console.service';
import { UsedReplyLinkFilter } from './used-reply-link.filter';

/**
 * The supervisor's way in: the page an email link opens. The link's token is the principal
 * (no login); GET only shows, the form's POST decides, through the same service and Update as
 * a reply in the console. The token is the form's proof of origin, so no CSRF field is needed.
 */
@ApiExcludeController()
@UseFilters(UsedReplyLinkFilter)
@Controller('change-replies/:token')
export class ChangeReplyLinkController {
  constructor(
    private readonly console: ChangeConsoleService,
    private readonly files: FilesService,
  ) {}

  @Get()
  @LinkPrincipal(CHANGE_REPLY_PURPOSE)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Referrer-Policy', 'no-referrer')
  show(
    @Req() req: AuthenticatedRequest,
    @Param('token') token: string,
    @RequestId() requestId: string | null,
  ): Promise<string> {
    return this.console.linkPage(req.actor!, req.link!, token, undefined, requestId);
  }

  @Post()
  @LinkPrincipal(CHANGE_REPLY_PURPOSE)
  @Header('Referrer-Policy', 'no-referrer')
  async answer(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    const outcome = await this.console.answerByLink(req.actor!, req.link!, token, body, requestId);
    if (outcome.kind === 'page') res.status(outcome.status).type('html').send(outcome.html);
  }

  @Get('files/:fileId')
  @LinkPrincipal(CHANGE_REPLY_PURPOSE)
  file(@Req() req: AuthenticatedRequest, @Param('fileId') fileId: string): Promise<StreamableFile> {
    return this.files.download(req.actor!, req.link, fileId);
  }
}
