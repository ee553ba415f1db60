import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, type LinkTokenPayload } from '@luyue/domain';
import { decodeLinkToken, type TemplateRenderer } from '@luyue/notifications';
import { DomainErrorFilter } from '../common/domain-error.filter';

/**
 * A mailed link opened again after it was used (a replay, refused and audited by the guard)
 * gets its process's page of what was decided, with 410, instead of a bare error. Only a
 * genuinely signed link of the process's purpose gets it; every other error is answered as
 * everywhere else. A process says its purpose and its page.
 */
export abstract class UsedLinkFilter implements ExceptionFilter {
  private readonly fallback: DomainErrorFilter;

  constructor(
    renderer: TemplateRenderer,
    private readonly secret: string,
    private readonly purpose: string,
  ) {
    this.fallback = new DomainErrorFilter(renderer);
  }

  /** The page for the spent link's item, or null for the usual error page. */
  protected abstract page(link: LinkTokenPayload): Promise<string | null>;

  catch(exception: unknown, host: ArgumentsHost): void {
    const used =
      exception instanceof DomainError &&
      exception.code === 'token_invalid' &&
      exception.details?.reason === 'already_used';
    if (!used) return this.fallback.catch(exception, host);
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const decoded = decodeLinkToken(String(req.params.token ?? ''), this.secret);
    if (!decoded.ok || decoded.payload.purpose !== this.purpose) {
      return this.fallback.catch(exception, host);
    }
    this.page(decoded.payload).then(
      (html) => {
        if (html) res.status(410).type('html').send(html);
        else this.fallback.catch(exception, host);
      },
      () => this.fallback.catch(exception, host),
    );
  }
}
