import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  DomainError,
  DomainErrorCode,
  isRequirementAction,
  requirementStepLabel,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { databaseUnavailable } from '@luyue/persistence';
import { requestIdOf } from './api-logger.options';
import { CODE_BY_STATUS, FALLBACK_CODE, STATUS_BY_CODE } from './error-status.table';
import { answerAfterBody } from './unread-body.util';

/** What the body parser (http-errors `type`) refused, as a domain error. */
const BODY_ERRORS: Record<string, [DomainErrorCode, string]> = {
  'entity.parse.failed': ['malformed_body', 'The body is not valid JSON'],
  'entity.too.large': ['payload_too_large', 'The body is larger than allowed'],
  'encoding.unsupported': ['unsupported_media_type', 'The body encoding is not supported'],
  'charset.unsupported': ['unsupported_media_type', 'The body charset is not supported'],
};

function bodyParserError(exception: unknown): DomainError | null {
  const candidates = [exception, exception instanceof Error ? exception.cause : undefined];
  for (const c of candidates) {
    const type = (c as { type?: unknown } | undefined)?.type;
    if (typeof type === 'string' && Object.hasOwn(BODY_ERRORS, type)) {
      const [code, message] = BODY_ERRORS[type];
      return new DomainError(code, message);
    }
  }
  return null;
}

/** A console page (not the REST api) asked for by a browser. */
function isPageRequest(req: Request): boolean {
  return !req.path.startsWith('/api/') && req.accepts(['json', 'html']) === 'html';
}

/** What the error page says, by status; anything else is the generic heading. */
const PAGE_HEADINGS: Readonly<Record<number, string>> = {
  400: '请求有误',
  401: '请先登录',
  403: '没有权限',
  404: '页面不存在',
  409: '当前状态下不能这样操作',
  429: '操作过于频繁',
};

/** The one place errors become HTTP: `{ error: { code, message, ...details }, requestId }`. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  constructor(private readonly renderer: TemplateRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request & { id?: string }>();
    let status: number;
    let body: Record<string, unknown>;
    exception = bodyParserError(exception) ?? databaseUnavailable(exception) ?? exception;
    if (exception instanceof DomainError) {
      status = STATUS_BY_CODE[exception.code];
      body = { code: exception.code, message: exception.message, ...exception.details };
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const response = exception.getResponse();
      const given =
        typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = typeof given === 'string' ? given : exception.message;
      body = { code: CODE_BY_STATUS[status] ?? FALLBACK_CODE, message };
    } else {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
      body = { code: 'internal_error', message: 'Internal server error' };
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    answerAfterBody(req, res, () => this.answer(req, res, status, body));
  }

  private answer(req: Request, res: Response, status: number, body: Record<string, unknown>): void {
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
      res
        .status(status)
        .type('html')
        .send(this.page(req, res, status, body));
      return;
    }
    // JSON even on routes that declared another type (pages, downloads) for their success.
    res
      .status(status)
      .type('application/json')
      .json({ error: body, requestId: requestIdOf(req, res) });
  }

  /** The HTML face of the same error; a 409 names what the user may do instead. */
  private page(req: Request, res: Response, status: number, body: Record<string, unknown>): string {
    const allowed = Array.isArray(body.allowedActions)
      ? body.allowedActions.filter(isRequirementAction).map((a) => requirementStepLabel(a))
      : [];
    const back = /^\/requirements\/[^/]+/.exec(req.path)?.[0] ?? null;
    return this.renderer.render('pages/error.html', {
      title: `${status} ${PAGE_HEADINGS[status] ?? '出错了'}`,
      status,
      heading: PAGE_HEADINGS[status] ?? '出错了',
      message: typeof body.message === 'string' ? body.message : '',
      conflict: status === 409,
      login: status === 401,
      allowed,
      back,
      requestId: requestIdOf(req, res),
    });
  }
}
