import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '@luyue/config';
import { DomainError, DUTY_TERMS, PAGE_TITLES, zhOf } from '@luyue/domain';
import { DUTY_SIGN_PURPOSE } from '@luyue/duty/definitions';
import { DutyQueryRepository } from '@luyue/duty';
import { decodeLinkToken, TemplateRenderer } from '@luyue/notifications';
import { DomainErrorFilter } from '../../common/domain-error.filter';
import { dutyView } from './duty-view';

/**
 * A signing link opened again after it signed (a replay, refused and audited by the guard) gets
 * the record as it stands, with who signed, in place of a bare 410. Only a genuinely signed link
 * of this purpose gets it; every other error is answered as everywhere else.
 */
@Catch()
export class UsedSignLinkFilter implements ExceptionFilter {
  private readonly fallback: DomainErrorFilter;

  constructor(
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
    private readonly duties: DutyQueryRepository,
  ) {
    this.fallback = new DomainErrorFilter(renderer);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const used =
      exception instanceof DomainError &&
      exception.code === 'token_invalid' &&
      exception.details?.reason === 'already_used';
    if (!used) return this.fallback.catch(exception, host);
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    this.page(String(req.params.token ?? '')).then(
      (html) => {
        if (html) res.status(410).type('html').send(html);
        else this.fallback.catch(exception, host);
      },
      () => this.fallback.catch(exception, host),
    );
  }

  private async page(token: string): Promise<string | null> {
    const decoded = decodeLinkToken(token, this.config.LINK_TOKEN_SECRET);
    if (!decoded.ok || decoded.payload.purpose !== DUTY_SIGN_PURPOSE) return null;
    const duty = await this.duties.find(decoded.payload.subjectId);
    if (!duty) return null;
    const view = dutyView(duty, '');
    return this.renderer.render('duty/duty-sign-link.html', {
      title: `${PAGE_TITLES.dutySign} ${duty.number}`,
      terms: DUTY_TERMS,
      // Its files are not offered: the link that would fetch them is spent.
      duty: {
        ...view,
        record: view.record && { ...view.record, reportFiles: [] },
        items: view.items.map((item) => ({ ...item, files: [] })),
      },
      recipient: decoded.payload.recipient,
      flash: zhOf('link.refused', { reason: 'already_used' }),
      canSign: false,
    });
  }
}
