import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  Optional,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, DomainErrorCode, englishOf, type MessageKey } from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { databaseUnavailable } from '@luyue/persistence';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';
import { ConsoleFrameService } from '../console/console-frame.service';
import { requestIdOf } from './api-logger.options';
import { conflictHelp, pageHeading, pageMessage } from './error-page';
import { CODE_BY_STATUS, FALLBACK_CODE, STATUS_BY_CODE } from './error-status.table';
import { answerAfterBody } from './unread-body.util';

/** What the body parser (http-errors `type`) refused, as a domain error. */
const BODY_ERRORS: Record<string, [DomainErrorCode, MessageKey]> = {
  'entity.parse.failed': ['malformed_body', 'body.not_json'],
  'entity.too.large': ['payload_too_large', 'body.too_large'],
  'encoding.unsupported': ['unsupported_media_type', 'body.encoding'],
  'charset.unsupported': ['unsupported_media_type', 'body.charset'],
};

function bodyParserError(exception: unknown): DomainError | null {
  const candidates = [exception, exception instanceof Error ? exception.cause : undefined];
  for (const c of candidates) {
    const type = (c as { type?: unknown } | undefined)?.type;
    if (typeof type === 'string' && Object.hasOwn(BODY_ERRORS, type)) {
      const [code, key] = BODY_ERRORS[type];
      return new DomainError(code, key, {} as never);
    }
  }
  return null;
}

/** A console page (not the REST api) asked for by a browser. */
function isPageRequest(req: Request): boolean {
  return !req.path.startsWith('/api/') && req.accepts(['json', 'html']) === 'html';
}

/** The one place errors become HTTP: `{ error: { code, message, ...details }, requestId }`. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  constructor(
    private readonly renderer: TemplateRenderer,
    // The console's frame (nav, user, logout) around the page of a logged-in person.
    @Optional() private readonly frames?: ConsoleFrameService,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request & { id?: string }>();
    let status: number;
    let body: Record<string, unknown>;
    // What a person reads on the page: the catalogue's zh-CN for the message, else for the code.
    let said: string | null = null;
    exception = bodyParserError(exception) ?? databaseUnavailable(exception) ?? exception;
    if (exception instanceof DomainError) {
      status = STATUS_BY_CODE[exception.code];
      body = { code: exception.code, message: exception.message, ...exception.details };
      said = exception.zh;
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const response = exception.getResponse();
      const given =
        typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = typeof given === 'string' ? given : exception.message;
      body = { code: CODE_BY_STATUS[status] ?? FALLBACK_CODE, message };
    } else {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
      body = { code: 'internal_error', message: englishOf('error.internal', {}) };
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    answerAfterBody(req, res, () => this.answer(req, res, status, body, said));
  }

  private answer(
    req: Request,
    res: Response,
    status: number,
    body: Record<string, unknown>,
    said: string | null,
  ): void {
    // A person opening a mailed page link without a session gets the login form, then the page.
    if (status === 401 && req.method === 'GET' && isPageRequest(req)) {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    if (typeof body.retryAfterSeconds === 'number') {
      res.setHeader('Retry-After', String(body.retryAfterSeconds));
    } else if (status === 503) {
      // A dependency is down or stalled: worth another try shortly.
      res.setHeader('Retry-After', '5');
    }
    if (isPageRequest(req)) {
      void this.page(req, res, status, body, said).then(
        (html) => res.status(status).type('html').send(html),
        (error: unknown) => {
          this.logger.error(error instanceof Error ? (error.stack ?? error.message) : error);
          res.status(status).type('text/plain').send(`${status}`);
        },
      );
      return;
    }
    // JSON even on routes that declared another type (pages, downloads) for their success.
    res
      .status(status)
      .type('application/json')
      .json({ error: body, requestId: requestIdOf(req, res) });
  }

  /** The HTML face of the same error, in zh-CN; a 409 names what the user may do instead. */
  private async page(
    req: Request,
    res: Response,
    status: number,
    body: Record<string, unknown>,
    said: string | null,
  ): Promise<string> {
    const heading = pageHeading(status);
    return this.renderer.render('pages/error.html', {
      title: `${status} ${heading}`,
      layout: await this.layout(req, res, `${status} ${heading}`),
      status,
      heading,
      message: said ?? pageMessage(body),
      conflict: status === 409,
      login: status === 401,
      ...conflictHelp(req.path, body),
      requestId: requestIdOf(req, res),
    });
  }

  /** The normal frame when someone is logged in; none (a bare page) otherwise or if it fails. */
  private async layout(req: Request, res: Response, title: string): Promise<unknown> {
    const actor = (req as AuthenticatedRequest).actor;
    if (!this.frames || !actor || actor.kind !== 'user' || res.headersSent) return undefined;
    try {
      const frame = await this.frames.frame(req, res, actor, {
        title,
        crumbs: [{ label: title }],
        section: '',
      });
      return frame.layout;
    } catch {
      return undefined;
    }
  }
}
