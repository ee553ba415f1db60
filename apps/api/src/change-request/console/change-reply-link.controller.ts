import { Controller, Get, Header, Param, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { StreamableFile } from '@nestjs/common';
import { AdmittedLink, LinkPrincipal } from '../../auth/link-principal.decorator';
import { RequestId } from '../../common/request-id.decorator';
import { FilesService } from '../../files/files.service';
import { ConsoleForm, Sent, type FormSending } from '../../kit/console-action';
import type { ConsoleOutcome } from '../../console/console-outcome';
import { CHANGE_REPLY_PURPOSE } from '@luyue/change-request/definitions';
import { type Actor, type LinkTokenPayload } from '@luyue/domain';
import { ChangeConsoleService } from './change-console.service';
import { UsedReplyLinkFilter } from './used-reply-link.filter';

type Admitted = { actor: Actor; link: LinkTokenPayload };

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
    @AdmittedLink() { actor, link }: Admitted,
    @Param('token') token: string,
    @RequestId() requestId: string | null,
  ): Promise<string> {
    return this.console.linkPage(actor, link, token, undefined, requestId);
  }

  @ConsoleForm()
  @LinkPrincipal(CHANGE_REPLY_PURPOSE)
  @Header('Referrer-Policy', 'no-referrer')
  answer(
    @AdmittedLink() { actor, link }: Admitted,
    @Sent() sent: FormSending,
    @Param('token') token: string,
  ): Promise<ConsoleOutcome> {
    return this.console.answerByLink(actor, link, token, sent.body, sent.page.requestId);
  }

  @Get('files/:fileId')
  @LinkPrincipal(CHANGE_REPLY_PURPOSE)
  file(
    @AdmittedLink() { actor, link }: Admitted,
    @Param('fileId') fileId: string,
  ): Promise<StreamableFile> {
    return this.files.download(actor, link, fileId);
  }
}
