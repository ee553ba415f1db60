import { Controller, Get, Header, Param, UseFilters } from '@nestjs/common';
import type { StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Actor, LinkTokenPayload } from '@luyue/domain';
import { DUTY_SIGN_PURPOSE } from '@luyue/duty/definitions';
import { AdmittedLink, LinkPrincipal } from '../../auth/link-principal.decorator';
import type { ConsoleOutcome } from '../../console/console-outcome';
import { FilesService } from '../../files/files.service';
import { ConsoleForm, Sent, type FormSending } from '../../kit/console-action';
import { DutySignLinkService } from './duty-sign-link.service';
import { UsedSignLinkFilter } from './used-sign-link.filter';

type Admitted = { actor: Actor; link: LinkTokenPayload };

/**
 * A signer's mailed link: the token is the principal (no login). GET only shows (a mail
 * scanner opening it signs nothing), the form's POST decides; the token is the form's proof of
 * origin and is used up with the signature or refusal it gives.
 */
@ApiExcludeController()
@UseFilters(UsedSignLinkFilter)
@Controller('duty-signatures/:token')
export class DutySignLinkController {
  constructor(
    private readonly links: DutySignLinkService,
    private readonly files: FilesService,
  ) {}

  @Get()
  @LinkPrincipal(DUTY_SIGN_PURPOSE)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Referrer-Policy', 'no-referrer')
  show(@AdmittedLink() { actor, link }: Admitted, @Param('token') token: string): Promise<string> {
    return this.links.page(actor, link, token);
  }

  @ConsoleForm()
  @LinkPrincipal(DUTY_SIGN_PURPOSE)
  @Header('Referrer-Policy', 'no-referrer')
  answer(
    @AdmittedLink() { actor, link }: Admitted,
    @Sent() sent: FormSending,
    @Param('token') token: string,
  ): Promise<ConsoleOutcome> {
    return this.links.answer(actor, link, token, sent.body, sent.page.requestId);
  }

  @Get('files/:fileId')
  @LinkPrincipal(DUTY_SIGN_PURPOSE)
  file(
    @AdmittedLink() { actor, link }: Admitted,
    @Param('fileId') fileId: string,
  ): Promise<StreamableFile> {
    return this.files.download(actor, link, fileId);
  }
}
